"""Files that did not load, as the report shows them: a board never disappears silently.

A file with a YAML error has no data, so nothing in the index comes from it.
What it would have been is read from its text as far as plain top-level
lines (`kind: organisation`, `name: Socialnämnden`) tell it, so that the
report can show the board by name with "could not be read", in the place
where it would have stood.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from styr.model.repository import Repository
from styr.withholding import understood

if TYPE_CHECKING:
    from styr.report.view_types import RepositoryView

# A top-level `key: value` line: no indentation, a plain key, a value on the same line.
_TOP_LEVEL = re.compile(r"([a-z_]+):[ \t]+(.+?)[ \t]*$")
_SKETCHED = ("kind", "id", "name", "type")
_UNSAFE = re.compile(r"[^a-z0-9_.-]+")


@dataclass(frozen=True, slots=True)
class UnreadableFile:
    """A file that could not be read, with what its text says it was (or nothing)."""

    path: str  # relative to the repository, with forward slashes
    kind: str = ""
    id: str = ""
    name: str = ""
    type: str = ""

    @property
    def title(self) -> str:
        return self.name or self.id or self.path.rsplit("/", 1)[-1]

    @property
    def anchor_name(self) -> str:
        """What its anchor is made from: the id, else the file name, made safe."""
        return _UNSAFE.sub("-", (self.id or self.path).lower()).strip("-") or "fil"


@dataclass(frozen=True, slots=True)
class PublishingNotice:
    """What the top of a report published over errors says (`--allow-errors`)."""

    errors: int
    unreadable: list[UnreadableFile] = field(default_factory=list)


def unreadable_files(repository: Repository) -> list[UnreadableFile]:
    """Every file nothing in the report can come from: it did not load, or as no known kind."""
    files = []
    for document in repository.all_documents():
        is_manifest = document is repository.manifest
        if isinstance(document.data, dict) if is_manifest else understood(document):
            continue
        try:
            path = document.file.relative_to(repository.root).as_posix()
        except ValueError:
            path = document.file.as_posix()
        files.append(UnreadableFile(path, **_what_it_says(document.data, document.text)))
    return files


def _what_it_says(data: Any, text: str | None) -> dict[str, str]:
    if isinstance(data, dict):  # loaded, but of no kind the report knows
        return {key: data[key] for key in _SKETCHED if isinstance(data.get(key), str)}
    return sketch(text)


def sketch(text: str | None) -> dict[str, str]:
    """The plain top-level values of a text that is not valid YAML, as far as they can be read."""
    found: dict[str, str] = {}
    for line in (text or "").splitlines():
        match = _TOP_LEVEL.match(line)
        if match is None or match.group(1) not in _SKETCHED or match.group(1) in found:
            continue
        value = _plain(match.group(2))
        if value:
            found[match.group(1)] = value
    return found


def _plain(value: str) -> str:
    """A value without its quotes, or without a trailing comment when unquoted."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    if value[:1] in "[{&*!|>'\"":
        return ""  # not a plain text: nothing to show rather than a guess
    return value.split(" #", 1)[0].strip()


def publishing_notice(views: Sequence[RepositoryView | Any]) -> PublishingNotice | None:
    """The notice for a document of these views; None when they have no errors to tell of."""
    errors = sum(view.errors for view in views)
    unreadable = [file for view in views for file in view.unreadable]
    if not errors and not unreadable:
        return None
    return PublishingNotice(errors, unreadable)
