"""Where a change is: a file's name in its repository, and a 1-based line and column."""

from __future__ import annotations

from dataclasses import dataclass

from styr.findings import PathInDocument
from styr.lint import relative_name
from styr.load import Document
from styr.model.repository import Repository


@dataclass(frozen=True, slots=True)
class Place:
    file: str
    line: int
    column: int


def place_in(repository: Repository, document: Document, path: PathInDocument) -> Place:
    """The value at `path` in `document` (the nearest part of it still written there)."""
    line, column = document.locate(path)
    return Place(file_name(repository, document), line, column)


def file_name(repository: Repository, document: Document) -> str:
    """The document's file as findings name it: relative to the repository, with slashes."""
    return relative_name(repository, document.file)
