"""The import's last check: the repository linted as the import would leave it.

The sheet's own checks (XL001–XL008) let through only numbers, periods and
texts that can be written, but a value can still break a rule of `styr lint`:
a comment pasted with a hidden direction control (Y-rules), an outcome for a
goal that is still a proposal where the configuration makes that an error.
The new texts of the follow-up files are linted in memory beside the files
that stay, and nothing is written when lint would report an error there that
it does not report today (a repository that has errors already can still be
imported into). Each new error is traced back to the cell its value came
from where that can be known.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from styr.excel.outcome_sheet import Wanted
from styr.excel.rules import cell_name
from styr.findings import Finding, Severity
from styr.lint import lint_repository
from styr.load import Document
from styr.model.repository import Repository, load_repository, read_repository_files

# Where the new outcomes of a file came from: its index in `outcomes:` → the row.
RowsOfFile = dict[int, Wanted]


@dataclass(frozen=True, slots=True)
class NewError:
    """An error lint would report after the import, and the cell it came from (sheet!cell)."""

    finding: Finding
    cell: str | None


def new_errors(
    root: Path,
    texts: dict[Path, str],
    rows: dict[Path, RowsOfFile],
    sheet: str,
    today: date,
) -> list[NewError]:
    """The errors the repository at `root` would have with `texts` written, that it has not now."""
    if not texts:
        return []  # nothing to write: the repository stays as it is
    before = read_repository_files(root)
    after = {**before, **{path: text.encode("utf-8") for path, text in texts.items()}}
    changed = load_repository(root, after)
    errors = _errors(lint_repository(changed, today=today).findings)
    if not errors:
        return []  # the usual case: the repository is not linted a second time
    lines_before, lines_after = _Lines(before), _Lines(after)
    known = Counter(
        _key(f, lines_before)
        for f in _errors(lint_repository(load_repository(root, before), today=today).findings)
    )
    places = _Places(changed, rows, sheet)
    found = []
    for finding in errors:
        key = _key(finding, lines_after)
        if known[key]:
            known[key] -= 1
            continue
        found.append(NewError(finding, places.cell_of(finding)))
    return found


def _errors(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity >= Severity.ERROR]


class _Lines:
    """The lines of the files, each file split once, when a finding in it first asks."""

    def __init__(self, contents: dict[Path, bytes | None]) -> None:
        self._contents = contents
        self._split: dict[Path, list[str]] = {}

    def line(self, file: Path | None, number: int) -> str:
        if file is None:
            return ""
        if file not in self._split:
            raw = self._contents.get(file)
            self._split[file] = raw.decode("utf-8", "replace").splitlines() if raw else []
        lines = self._split[file]
        return lines[number - 1].strip() if 0 < number <= len(lines) else ""


def _key(finding: Finding, lines: _Lines) -> tuple[object, ...]:
    """What makes an error the same before and after: not its line, since outcomes added
    above it move it down, but the text of that line, which the import does not change."""
    return (finding.code, finding.file, finding.path, lines.line(finding.file, finding.line))


class _Places:
    """Which row and cell of the sheet an error in the changed files comes from."""

    def __init__(self, repository: Repository, rows: dict[Path, RowsOfFile], sheet: str) -> None:
        self._documents = {document.file: document for document in repository.documents}
        self._rows = rows
        self._sheet = sheet
        self._by_outcome = {
            (wanted.indicator, wanted.period.text): wanted
            for of_file in rows.values()
            for wanted in of_file.values()
        }
        self._starts: dict[Path, tuple[list[int], int]] = {}

    def cell_of(self, finding: Finding) -> str | None:
        if finding.file is not None and finding.file in self._rows:
            return self._in_file(finding, finding.file)
        # An error elsewhere that names the outcome (a goal still a proposal, D005).
        outcome = (str(finding.params.get("indicator")), str(finding.params.get("period")))
        wanted = self._by_outcome.get(outcome)
        return None if wanted is None else self._cell(wanted, _first(wanted))

    def _in_file(self, finding: Finding, file: Path) -> str | None:
        document = self._documents.get(file)
        if document is None or finding.line <= 0:
            return None
        index = self._entry_at(file, document, finding.line)
        if index is None or (wanted := self._rows[file].get(index)) is None:
            return None
        for key, column in wanted.columns.items():
            if document.locate(("outcomes", index, key))[0] == finding.line:
                return self._cell(wanted, column)
        return self._cell(wanted, _first(wanted))

    def _entry_at(self, file: Path, document: Document, line: int) -> int | None:
        """The index of the outcome whose lines hold `line`, if any."""
        if file not in self._starts:
            self._starts[file] = _outcome_lines(document)
        starts, end = self._starts[file]
        index = bisect.bisect_right(starts, line) - 1
        return index if index >= 0 and line < end else None

    def _cell(self, wanted: Wanted, column: int) -> str:
        return cell_name(self._sheet, wanted.row, column)


def _first(wanted: Wanted) -> int:
    """The row's first cell filled in (the first column, the indicator's, if none is known)."""
    return min(wanted.columns.values(), default=1)


def _outcome_lines(document: Document) -> tuple[list[int], int]:
    """The first line of each outcome, and the line after the last (the next key's, or none)."""
    data = document.data if isinstance(document.data, dict) else {}
    outcomes = data.get("outcomes")
    count = len(outcomes) if isinstance(outcomes, list) else 0
    starts = [document.locate(("outcomes", index))[0] for index in range(count)]
    keys = list(data)
    after = keys[keys.index("outcomes") + 1 :] if "outcomes" in keys else []
    end = document.locate((after[0],), key=True)[0] if after else 1 << 30
    return starts, end
