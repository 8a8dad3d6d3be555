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
import posixpath
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from styr.diff.git import TreeFile, blob_id, read_blobs, tree_files
from styr.errors import UsageError
from styr.load import limits
from styr.load.access import Refused, read_inside
from styr.model.repository import (
    MANIFEST,
    YAML_SUFFIXES,
    Repository,
    find_listed_repositories,
    load_repository,
    read_repository_files,
    repository_names,
)

# The whole top of a side, as a repository's key: a repository in the folder itself.
TOP = "."
# Lint reads this above a repository (`styr.config`); a revision's own is given to it.
_PYPROJECT = "pyproject.toml"


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


class Side(Protocol):
    label: str
    repositories: dict[str, RepositoryFiles]

    def prefetch(self, keys: list[str]) -> None:
        """Read the files of these repositories now, all at once (they will be loaded)."""

    def load(self, key: str, scratch: Path) -> Repository:
        """The repository `key` loaded; `scratch` is a private folder removed after the run."""


def shown_path(path: Path) -> str:
    """A folder as printed: relative to the current folder where it is below it, posix."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix() or TOP
    except ValueError:
        return absolute.as_posix()


def _key(root: Path, top: Path) -> str:
    # Real paths: git names its top with every link resolved, the search maybe not.
    relative = os.path.relpath(os.path.realpath(root), os.path.realpath(top))
    return Path(relative).as_posix()


class FolderSide:
    """Repositories on disk, found and read as `styr lint` finds and reads them."""

    def __init__(self, label: str, top: Path, search: Path) -> None:
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
                file.relative_to(root).as_posix(): None if data is None else blob_id(data)
                for file, data in contents.items()
            }
            self.repositories[key] = RepositoryFiles(
                key, shown_path(root), blobs, _settings_on_disk(root, top)
            )
            self._roots[key] = root
            self._contents[key] = contents

    def prefetch(self, keys: list[str]) -> None:
        # Read whole when found (lint reads every file too); let the unchanged ones go.
        self._contents = {key: self._contents[key] for key in keys if key in self._contents}

    def load(self, key: str, scratch: Path) -> Repository:
        return load_repository(self._roots[key], self._contents.pop(key))


def _settings_on_disk(root: Path, top: Path) -> dict[str, str | None]:
    """The blob ids of the pyproject.toml files at and above `root`, up to `top`."""
    found: dict[str, str | None] = {}
    folder, last = Path(os.path.realpath(root)), Path(os.path.realpath(top))
    while True:
        candidate = folder / _PYPROJECT
        if candidate.is_file():
            try:
                data = read_inside(folder, candidate, max_bytes=limits.MAX_FILE_BYTES)
            except Refused:
                found[_key(candidate, top)] = None
            else:
                found[_key(candidate, top)] = blob_id(data)
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


class RevisionSide:
    """Repositories in a git commit, read from git without touching the work tree."""

    def __init__(self, label: str, top: Path, commit: str, prefix: str) -> None:
        self.label = label
        self.top = top
        self.commit = commit
        self.repositories: dict[str, RepositoryFiles] = {}
        files = tree_files(top, commit)
        self._by_path = {file.path: file for file in files}
        manifests = {posixpath.dirname(f.path) for f in files if _named(f.path, MANIFEST)}
        roots = revision_roots(manifests, prefix)
        self._extra: dict[str, dict[str, TreeFile]] = {root: {} for root in roots}
        yaml_files: dict[str, list[str]] = {root: [] for root in roots}
        for file in files:
            owner = _owner(file.path, manifests)
            if owner is None or owner not in yaml_files:
                continue
            name = file.path[len(owner) + 1 :] if owner else file.path
            if name == MANIFEST:
                continue
            if any(part.startswith(".") for part in name.split("/")):
                continue  # hidden, as lint's walk passes them over
            if name.endswith(YAML_SUFFIXES):
                yaml_files[owner].append(name)
            else:
                self._extra[owner][name] = file
        for root in roots:
            names = [MANIFEST, *sorted(yaml_files[root], key=walk_order)]
            blobs: dict[str, str | None] = {
                name: self._by_path[_joined(root, name)].blob for name in names
            }
            key = root or TOP
            settings = {path: self._by_path[path].blob for path in self._above(key)}
            self.repositories[key] = RepositoryFiles(
                key, shown_path(top / root), blobs, dict(settings)
            )
        self._read: dict[str, bytes] = {}

    def prefetch(self, keys: list[str]) -> None:
        """The repositories' files and the pyproject.toml above them in one git process,
        then the logos their manifests name (a second one, only if one names a logo)."""
        wanted = [
            blob
            for key in keys
            for blob in self.repositories[key].blobs.values()
            if blob is not None
        ]
        wanted.extend(self._by_path[path].blob for key in keys for path in self._above(key))
        self._read_missing(wanted)
        self._read_missing(logo.blob for key in keys if (logo := self._logo_file(key)))

    def _read_missing(self, blobs: Iterable[str]) -> None:
        missing = [blob for blob in blobs if blob not in self._read]
        if missing:
            self._read.update(read_blobs(self.top, missing))

    def load(self, key: str, scratch: Path) -> Repository:
        """Loaded from its blobs; what lint reads from disk is written into `scratch`.

        Lint reads two things besides the YAML files: the nearest pyproject.toml
        above the repository and the logo the manifest names. The revision's own
        are put in a private copy of the folders (`scratch`), so that the run
        judges them as they were in the revision, not as they are now.
        """
        self.prefetch([key])
        folder = scratch / self.commit[:12] / key
        root = Path(os.path.normpath(folder))
        for pyproject in self._above(key):
            _write_private(scratch / self.commit[:12] / pyproject, self._blob(pyproject))
        logo = self._logo_file(key)
        if logo is not None:
            _write_private(scratch / self.commit[:12] / logo.path, self._read[logo.blob])
        root.mkdir(parents=True, exist_ok=True)
        files = self.repositories[key].blobs
        contents: dict[Path, bytes | None] = {
            root / name: self._read[blob] if blob is not None else None
            for name, blob in files.items()
        }
        return load_repository(root, contents)

    def _blob(self, path: str) -> bytes:
        return self._read[self._by_path[path].blob]

    def _above(self, key: str) -> list[str]:
        """The pyproject.toml files of the revision at or above the repository's folder."""
        folder = "" if key == TOP else key
        found = []
        while True:
            candidate = _joined(folder, _PYPROJECT)
            if candidate in self._by_path:
                found.append(candidate)
            if not folder:
                return found
            folder = posixpath.dirname(folder)

    def _logo_file(self, key: str) -> TreeFile | None:
        """The logo file the manifest names, if the revision has it in the repository."""
        from styr.load import parse_document

        manifest_blob = self.repositories[key].blobs.get(MANIFEST)
        if manifest_blob is None:
            return None
        self._read_missing([manifest_blob])
        data = parse_document(Path(MANIFEST), self._read[manifest_blob]).data
        site = data.get("site") if isinstance(data, dict) else None
        written = site.get("logo") if isinstance(site, dict) else None
        if not isinstance(written, str):
            return None
        normal = posixpath.normpath(written.replace("\\", "/"))
        if normal.startswith(("..", "/")):
            return None  # the rule says why; nothing outside is copied
        return self._extra.get(key if key != TOP else "", {}).get(normal)


def _write_private(path: Path, data: bytes) -> None:
    """A file of a revision in the run's own temporary folder, never one a person owns.

    The folder is made by the run and removed whole after it (`styr.diff.run`),
    so the one writer's promise to keep what a person wrote has nothing to keep.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def remove_scratch(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _named(path: str, name: str) -> bool:
    return path == name or path.endswith("/" + name)


def _joined(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def _owner(path: str, manifests: set[str]) -> str | None:
    """The repository (a folder with styr.yaml) nearest above the file, if any."""
    folder = posixpath.dirname(path)
    while True:
        if folder in manifests:
            return folder
        if not folder:
            return None
        folder = posixpath.dirname(folder)


def revision_roots(manifests: set[str], prefix: str) -> list[str]:
    """The repositories a search from `prefix` finds among folders holding styr.yaml.

    As `styr lint` searches a folder: the folder itself if it is one; else
    those below it, not inside hidden folders and not inside another
    repository; else the one it lies in. "" is the top.
    """
    if prefix in manifests:
        return [prefix]
    below = []
    for folder in sorted(manifests, key=_folder_order):
        if prefix and not folder.startswith(prefix + "/"):
            continue
        if not folder:
            continue
        inner = folder[len(prefix) + 1 :] if prefix else folder
        parts = inner.split("/")
        if any(part.startswith(".") for part in parts):
            continue
        if any(_joined(prefix, "/".join(parts[:n])) in manifests for n in range(1, len(parts))):
            continue
        below.append(folder)
    if below:
        return below
    owner = _owner(_joined(prefix, MANIFEST), manifests) if prefix else None
    return [owner] if owner is not None else []


def _folder_order(folder: str) -> list[str]:
    """Repositories in the order lint's search finds them: folders by name, depth first."""
    return folder.split("/")


def walk_order(name: str) -> tuple[tuple[int, str], ...]:
    """A file's place in lint's walk: a folder's files by name, then its folders by name."""
    parts = name.split("/")
    return (*((1, part) for part in parts[:-1]), (0, parts[-1]))
