"""The two sides of a diff: which repositories each holds, and their files by blob id.

A side is a folder (the working tree, or `--from`/`--to`) or a git revision.
It maps each repository's folder (relative to the side's top, posix) to its
files (name in the repository → git blob id, None where a file cannot be
read), exactly the files `styr lint` would read. Repositories whose files
have the same ids on both sides are identical and never loaded; only a
changed repository is loaded, from bytes already read (a folder's) or its
blobs, all read by one git process (a revision's).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from styr.diff.git import SHA1_LENGTH, blob_id
from styr.errors import UsageError
from styr.load import limits
from styr.load.access import Refused, read_inside
from styr.messages import message
from styr.model.repository import (
    MANIFEST,
    find_listed_repositories,
    read_repository_files,
    repository_names,
)

# The whole top of a side, as a repository's key: a repository in the folder itself.
TOP = "."
# Lint reads this above a repository (`styr.config_load`); a revision's own is given to it.
PYPROJECT = "pyproject.toml"


@dataclass(slots=True)
class RepositoryFiles:
    """One repository on one side: its folder and its files by blob id, in lint's order."""

    key: str  # the folder relative to the side's top, posix; "." for the top
    shown: str  # the folder as a person finds it from where styr diff was run
    blobs: dict[str, str | None] = field(default_factory=dict)
    # The pyproject.toml files at and above the folder, up to the side's top (path from
    # the top -> blob id): lint takes its settings from them, so they change findings too.
    settings: dict[str, str | None] = field(default_factory=dict)

    def same_as(self, other: RepositoryFiles) -> bool:
        return self.blobs == other.blobs and self.settings == other.settings


@dataclass(frozen=True, slots=True)
class Prepared:
    """A repository ready to load (`load_repository(root, contents)`), in any process.

    `contents` are its files' bytes, None for a file that is not read (the
    loader then says why, from disk).
    """

    root: Path
    contents: dict[Path, bytes | None]


class Side(Protocol):
    """One side of a diff: its repositories, how to load one, and how people call it."""

    repositories: dict[str, RepositoryFiles]

    def label_in(self, language: str) -> str:
        """What the side is called: a revision as written, a folder, or the working copy."""

    def manifest_language(self) -> str | None:
        """The language its first repository's manifest names (sv, en), if it names one."""

    def municipality_code(self, key: str) -> str | None:
        """The municipality code the repository's manifest gives, if it gives one."""

    def prefetch(self, keys: list[str]) -> None:
        """Read the files of these repositories now, all at once (they will be loaded)."""

    def prepare(self, key: str, scratch: Path) -> Prepared:
        """The repository `key` ready to load; `scratch` is the run's own folder, removed
        after it, for what lint reads from disk."""


def shown_path(path: Path) -> str:
    """A folder as printed: relative to the current folder (`../a` as given), posix.

    Never the absolute path of the machine it ran on, which a report shared
    from CI would show; only a folder on another drive (Windows) has no
    relative path, and is shown whole.
    """
    absolute = Path(os.path.abspath(path))
    try:
        relative = os.path.relpath(absolute, Path.cwd())
    except ValueError:
        return absolute.as_posix()
    return Path(relative).as_posix() if relative != "." else TOP


def _key(root: Path, top: Path) -> str:
    # Real paths: git names its top with every link resolved, the search maybe not.
    relative = os.path.relpath(os.path.realpath(root), os.path.realpath(top))
    return Path(relative).as_posix()


class FolderSide:
    """Repositories on disk, found and read as `styr lint` finds and reads them.

    `label` None: the working copy of a git work tree (called so in the run's language).
    """

    def __init__(
        self, label: str | None, top: Path, search: Path, id_length: int = SHA1_LENGTH
    ) -> None:
        self.label = label
        self.top = top
        self.repositories: dict[str, RepositoryFiles] = {}
        self._roots: dict[str, Path] = {}
        self._contents: dict[str, dict[Path, bytes | None]] = {}
        for root in _roots_found(search):
            key = _key(root, top)
            contents = read_repository_files(
                root, [root / MANIFEST, *(root / name for name in repository_names(root))]
            )
            blobs = {
                file.relative_to(root).as_posix(): None
                if data is None
                else blob_id(data, id_length)
                for file, data in contents.items()
            }
            self.repositories[key] = RepositoryFiles(
                key, shown_path(root), blobs, _settings_on_disk(root, top, id_length)
            )
            self._roots[key] = root
            self._contents[key] = contents

    def label_in(self, language: str) -> str:
        return self.label if self.label is not None else message("diff-working-tree", language)

    def manifest_language(self) -> str | None:
        for key, contents in self._contents.items():
            return language_of(contents.get(self._roots[key] / MANIFEST))
        return None

    def municipality_code(self, key: str) -> str | None:
        return code_of(self._contents[key].get(self._roots[key] / MANIFEST))

    def prefetch(self, keys: list[str]) -> None:
        # Read whole when found (lint reads every file too); let the unchanged ones go.
        self._contents = {key: self._contents[key] for key in keys if key in self._contents}

    def prepare(self, key: str, scratch: Path) -> Prepared:
        return Prepared(self._roots[key], self._contents.pop(key))


def language_of(manifest: bytes | None) -> str | None:
    """The language a manifest's bytes name, as `Repository.language` reads it."""
    if manifest is None:
        return None
    from styr.load import parse_document

    data = parse_document(Path(MANIFEST), manifest).data
    language = data.get("language") if isinstance(data, dict) else None
    return language if language in ("sv", "en") else None


def code_of(manifest: bytes | None) -> str | None:
    """The municipality code a manifest's bytes give, as `Repository.municipality_code` reads it."""
    if manifest is None:
        return None
    from styr.load import parse_document

    data = parse_document(Path(MANIFEST), manifest).data
    municipality = data.get("municipality") if isinstance(data, dict) else None
    code = municipality.get("code") if isinstance(municipality, dict) else None
    return code if isinstance(code, str) else None


def _settings_on_disk(root: Path, top: Path, id_length: int) -> dict[str, str | None]:
    """The blob ids of the pyproject.toml files at and above `root`, up to `top`."""
    found: dict[str, str | None] = {}
    folder, last = Path(os.path.realpath(root)), Path(os.path.realpath(top))
    while True:
        candidate = folder / PYPROJECT
        if candidate.is_file():
            try:
                data = read_inside(folder, candidate, max_bytes=limits.MAX_FILE_BYTES)
            except Refused:
                found[_key(candidate, top)] = None
            else:
                found[_key(candidate, top)] = blob_id(data, id_length)
        if folder == last or folder == folder.parent:
            return found
        folder = folder.parent


def _roots_found(search: Path) -> list[Path]:
    """The repositories at or under `search` (or the one it is in); none is no error here.

    A folder whose repositories were all removed still has a side: an empty one.
    """
    try:
        return list(find_listed_repositories([search]))
    except UsageError as error:
        if error.key == "no-repository":
            return []
        raise


def remove_scratch(folder: Path) -> None:
    """The run's private folder, gone (whatever is in it, on every path out of the run)."""
    shutil.rmtree(folder, ignore_errors=True)
