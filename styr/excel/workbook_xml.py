"""A workbook's XML parts checked before openpyxl reads a byte of them.

An .xlsx file is a zip archive of XML parts, and whoever filled it in could
have written any XML into them. Every part openpyxl may parse (`*.xml`,
`*.rels`, `*.vml`) is read once here with the standard library's expat, and
the workbook is refused, naming the file and the part, when a part

* declares a document type (`<!DOCTYPE`): no workbook Excel or styr writes
  has one, and it is what entity bombs ("billion laughs") and external
  entities (a reference that makes a reader fetch a file) need. The parse
  stops at the declaration, so no entity is ever declared, expanded or
  fetched, whichever XML library openpyxl uses afterwards;
* is not well-formed XML (cut short, an undefined entity): said with the line
  and column, instead of openpyxl failing somewhere while the rows are read.

A worksheet part is named by its sheet's title as Excel shows it on its tab
("Utfall"), the part beside it, where the workbook's list of sheets
(`xl/workbook.xml` and its relationships) can be read: they are read first,
by the same parser and as carefully, and a list that cannot be read leaves
each part named by its path only.

Numbers: openpyxl turns a number cell's digits into a Python int, which
refuses more than 4,300 digits. A number cell with more digits than an
outcome can have (`MAX_NUMBER_DIGITS`) is noted by its cell, so that the
import reports it (XL013) without openpyxl ever reading it.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from styr.errors import UsageError
from styr.i18n import N_, both_languages
from styr.load.limits import MAX_NUMBER_DIGITS

_XML_PARTS = (".xml", ".rels", ".vml")
_WORKSHEETS = "xl/worksheets/"
_DIGITS = re.compile(r"\s*[-+]?[0-9]+\s*\Z")  # what openpyxl reads with int()
_NUMBER_TYPES = frozenset(("", "n"))  # a cell's t="…" that holds a number (none is a number)

_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELATIONS = "xl/_rels/workbook.xml.rels"
MAX_TITLE = 31  # the longest title Excel gives a sheet; a longer one is no title Excel wrote
MAX_SHEETS = 10_000  # more sheets than this are not listed: their parts are named by path

TooLong = dict[str, list[str]]  # a worksheet part → its cells ("G12") with too long a number


class _Doctype(Exception):
    """A part declares a document type: stop before its declarations are read."""


def check_parts(path: Path, archive: zipfile.ZipFile) -> TooLong:
    """Check every XML part of the workbook at `path` (see the module's text).

    Raises a usage error for a document type or broken XML; returns the
    number cells too long to read, by worksheet part.
    """
    too_long: TooLong = {}
    titles = sheet_titles(archive)
    for info in archive.infolist():
        name = info.filename
        if not name.lower().endswith(_XML_PARTS):
            continue
        with archive.open(info) as part:
            cells = _scan(path, name, part, titles, worksheet=name.startswith(_WORKSHEETS))
        if cells:
            too_long[name] = cells
    return too_long


def _scan(
    path: Path, name: str, part: IO[bytes], titles: dict[str, str], *, worksheet: bool
) -> list[str]:
    parser = _parser()
    cells = _NumberCells(parser) if worksheet else None
    try:
        parser.ParseFile(part)
    except _Doctype:
        raise UsageError("excel-xml-doctype", path=str(path), **_part(name, titles)) from None
    except expat.ExpatError as error:
        raise UsageError(
            "excel-xml-broken",
            path=str(path),
            line=error.lineno,
            column=error.offset + 1,
            **_part(name, titles),
        ) from None
    except (zipfile.BadZipFile, OSError, EOFError):  # a part whose bytes do not unpack
        raise UsageError("excel-not-xlsx", path=str(path)) from None
    return [] if cells is None else cells.too_long


def _parser() -> Any:
    """An expat parser that stops at a document type declaration (see the module)."""
    parser = expat.ParserCreate()
    parser.buffer_text = True  # a cell's text in one piece
    parser.StartDoctypeDeclHandler = _refuse_doctype
    return parser


def _refuse_doctype(*_: Any) -> None:
    raise _Doctype


def _part(name: str, titles: dict[str, str]) -> dict[str, str]:
    """The parameters `part` and `part_en` naming the part `name` as a reader knows it."""
    title = titles.get(name)
    if title is None:
        return both_languages("part", N_("its part {name}"), name=name)
    return both_languages(
        "part", N_("its sheet “{sheet}” (the part {name})"), sheet=title, name=name
    )


def sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet part's title as the workbook's tabs show it ("xl/worksheets/sheet4.xml"
    → "Utfall"); empty when the list of sheets or its relationships cannot be read."""
    by_relation: dict[str, str] = {}  # a relationship's id → the sheet's title
    targets: dict[str, str] = {}  # a relationship's id → its part

    def sheet(attributes: dict[str, str]) -> None:
        title = attributes.get("name", "")
        relation = next((v for k, v in attributes.items() if k.endswith(":id")), "")
        if 0 < len(title) <= MAX_TITLE and len(by_relation) < MAX_SHEETS:
            by_relation[relation] = title

    def relationship(attributes: dict[str, str]) -> None:
        if len(targets) < MAX_SHEETS:
            targets[attributes.get("Id", "")] = _part_path(attributes.get("Target", ""))

    try:
        _read_elements(archive, _WORKBOOK, "sheet", sheet)
        _read_elements(archive, _WORKBOOK_RELATIONS, "Relationship", relationship)
    except (_Doctype, expat.ExpatError, KeyError, zipfile.BadZipFile, OSError, EOFError):
        return {}  # named by their paths; the part's own fault is said when it is checked
    return {targets[r]: title for r, title in by_relation.items() if r in targets}


def _read_elements(
    archive: zipfile.ZipFile, name: str, element: str, found: Callable[[dict[str, str]], None]
) -> None:
    """Calls `found` with the attributes of each `element` of the part `name`."""
    parser = _parser()

    def start(tag: str, attributes: dict[str, str]) -> None:
        if tag.rpartition(":")[2] == element:  # a prefix (x:sheet) is the same element
            found(attributes)

    parser.StartElementHandler = start
    with archive.open(name) as part:
        parser.ParseFile(part)


def _part_path(target: str) -> str:
    """A relationship's target as the archive names the part: from the root if it starts
    with "/", else beside the workbook's part (in xl/)."""
    if target.startswith("/"):
        return posixpath.normpath(target[1:])
    return posixpath.normpath(posixpath.join("xl", target))


class _NumberCells:
    """Notes each number cell (`<c r="G12"><v>…</v></c>`) whose digits openpyxl cannot read."""

    def __init__(self, parser: Any) -> None:
        self.too_long: list[str] = []
        self._cell = ""  # the cell being read, e.g. "G12"
        self._is_number = False
        self._in_value = False
        self._text: list[str] = []
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        local = tag.rpartition(":")[2]  # a prefix (x:c) is the same element
        if local == "c":
            self._cell = attributes.get("r", "")
            self._is_number = attributes.get("t", "") in _NUMBER_TYPES
        elif local == "v":
            self._in_value = True
            self._text = []

    def _characters(self, text: str) -> None:
        if self._in_value and sum(map(len, self._text)) <= 2 * MAX_NUMBER_DIGITS:
            self._text.append(text)  # enough to tell; a megabyte of digits is not kept

    def _end(self, tag: str) -> None:
        if tag.rpartition(":")[2] != "v":
            return
        self._in_value = False
        text = "".join(self._text)
        digits = sum(character.isdigit() for character in text)
        if self._is_number and _DIGITS.match(text) and digits > MAX_NUMBER_DIGITS:
            self.too_long.append(self._cell)
