"""A git revision as a side of `styr diff`: its repositories and files, read from git.

Nothing of the work tree, the index or the refs is touched: the revision's
tree is listed (`git ls-tree`) and the blobs of the repositories that
changed are read by one `git cat-file --batch`. The repositories and their
files are found as `styr lint` finds them on disk (`revision_roots`,
`walk_order`): a folder holding styr.yaml, hidden folders and files passed
over, a repository inside another one its own. Submodules are not read. A
link committed as a YAML file is a file of its repository, as on disk: the
run's own folder gets the same link (pointing where the committed one
points), and the loader refuses it as it refuses a link on disk, without
reading what it points to (Y001). A link is never a manifest, a
pyproject.toml or a logo.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
from collections.abc import Iterable
from pathlib import Path

from styr.diff.git import TreeFile, read_blobs, tree_files
from styr.diff.sources import (
    PYPROJECT,
    TOP,
    Prepared,
    RepositoryFiles,
    code_of,
    language_of,
    shown_path,
)
from styr.load import limits
from styr.logo import MAX_LOGO_BYTES
from styr.model.repository import MANIFEST, YAML_SUFFIXES

# What a logo may be called (styr.logo reads PNG, JPEG and SVG): read with the YAML files.
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


class RevisionSide:
    """Repositories in a git commit, read from git without touching the work tree."""

    def __init__(self, label: str, top: Path, commit: str, prefix: str) -> None:
        self.label = label
        self.top = top
        self.commit = commit
        self.repositories: dict[str, RepositoryFiles] = {}
        listed = _listing(top, commit, prefix)
        self._links = {file.path: file for file in listed if file.link}
        files = [file for file in listed if not file.link]
        self._by_path = {file.path: file for file in files}
        self._sizes = {file.blob: file.size for file in files}
        manifests = {posixpath.dirname(f.path) for f in files if _named(f.path, MANIFEST)}
        roots = revision_roots(manifests, prefix)
        yaml_files, self._extra = _files_of(roots, files, manifests)
        links, _other = _files_of(roots, list(self._links.values()), manifests)
        for root in roots:
            yaml_files[root].extend(links[root])
            self._by_path.update(
                (_joined(root, name), self._links[_joined(root, name)]) for name in links[root]
            )
            names = [MANIFEST, *sorted(yaml_files[root], key=walk_order)]
            blobs: dict[str, str | None] = {
                name: self._by_path[_joined(root, name)].blob for name in names
            }
            key = root or TOP
            settings: dict[str, str | None] = {
                path: self._by_path[path].blob for path in self._above(key)
            }
            self.repositories[key] = RepositoryFiles(key, shown_path(top / root), blobs, settings)
        self._read: dict[str, bytes] = {}
        self._logos: dict[str, TreeFile | None] = {}

    def label_in(self, language: str) -> str:
        return self.label

    def manifest_language(self) -> str | None:
        for facts in self.repositories.values():
            blob = facts.blobs[MANIFEST]
            if blob is not None:
                self._read_missing(self._unread([blob], limits.MAX_FILE_BYTES))
            return language_of(self._read.get(blob) if blob is not None else None)
        return None

    def municipality_code(self, key: str) -> str | None:
        blob = self.repositories[key].blobs[MANIFEST]
        if blob is None:
            return None
        self._read_missing(self._unread([blob], limits.MAX_FILE_BYTES))
        return code_of(self._read.get(blob))

    def prefetch(self, keys: list[str]) -> None:
        """The repositories' files, the pyproject.toml above them and the images that may be
        their logos, in one git process (a logo of another kind of name: in a second one)."""
        wanted = [
            blob
            for key in keys
            for blob in self.repositories[key].blobs.values()
            if blob is not None
        ]
        wanted.extend(self._by_path[path].blob for key in keys for path in self._above(key))
        images = [
            file.blob
            for key in keys
            for name, file in self._extra[_root(key)].items()
            if name.lower().endswith(_IMAGE_SUFFIXES)
        ]
        self._read_missing(
            [*self._unread(wanted, limits.MAX_FILE_BYTES), *self._unread(images, MAX_LOGO_BYTES)]
        )
        logos = [logo.blob for key in keys if (logo := self._logo_file(key)) is not None]
        self._read_missing(self._unread(logos, MAX_LOGO_BYTES))

    def _unread(self, blobs: Iterable[str], limit: int) -> list[str]:
        """The blobs not read yet and at most `limit` bytes (larger ones lint never reads)."""
        return [b for b in blobs if b not in self._read and self._sizes.get(b, 0) <= limit]

    def _read_missing(self, blobs: list[str]) -> None:
        if blobs:
            self._read.update(read_blobs(self.top, blobs))

    def prepare(self, key: str, scratch: Path) -> Prepared:
        """Ready to load from its blobs; what lint reads from disk is written into `scratch`.

        Lint reads two things besides the YAML files: the nearest pyproject.toml
        above the repository and the logo the manifest names. The revision's own
        are put in a private copy of the folders (`scratch`), so that the run
        judges them as they were in the revision, not as they are now. A file
        too large to be read stands there as a file of its size without its
        bytes, so that lint says so as it would on disk.
        """
        self.prefetch([key])
        base = scratch / self.commit[:12]
        root = Path(os.path.normpath(base / key))
        root.mkdir(parents=True, exist_ok=True)
        for pyproject in self._above(key):
            self._place(base / pyproject, self._by_path[pyproject].blob)
        logo = self._logo_file(key)
        if logo is not None:
            self._place(base / logo.path, logo.blob)
        contents: dict[Path, bytes | None] = {}
        for name, blob in self.repositories[key].blobs.items():
            file = root / name
            if self._by_path[_joined(_root(key), name)].link:
                contents[file] = None  # read from disk, where the loader refuses the link
                self._place_link(file, blob)
                continue
            contents[file] = self._read.get(blob) if blob is not None else None
            if blob is not None and contents[file] is None:
                self._place(file, blob)  # too large: the loader refuses it from disk
        return Prepared(root, contents)

    def _place_link(self, path: Path, blob: str | None) -> None:
        """The committed link in the run's own folder, pointing where it points.

        Only made, never followed: the loader looks at it without following it.
        Where links cannot be made (Windows without the right), nothing stands
        there, and the loader says the file cannot be read: still a refusal.
        """
        target = self._read.get(blob) if blob is not None else None
        if target is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.symlink(os.fsdecode(target), path)

    def _place(self, path: Path, blob: str) -> None:
        """A file of the revision in the run's own folder (its bytes, or its size only).

        Written directly, not by the one writer: that one keeps what a person
        wrote, and this folder is the run's own, made by it and removed whole.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        data = self._read.get(blob)
        if data is None:
            # As large as in the revision, and never read: a sparse file costs no disk.
            with open(path, "wb") as stream:
                stream.truncate(self._sizes[blob])
        else:
            path.write_bytes(data)

    def _above(self, key: str) -> list[str]:
        """The pyproject.toml files of the revision at or above the repository's folder."""
        folder = "" if key == TOP else key
        found = []
        while True:
            candidate = _joined(folder, PYPROJECT)
            if candidate in self._by_path:
                found.append(candidate)
            if not folder:
                return found
            folder = posixpath.dirname(folder)

    def _logo_file(self, key: str) -> TreeFile | None:
        """The logo file the manifest names, if the revision has it in the repository."""
        if key not in self._logos:
            self._logos[key] = self._find_logo(key)
        return self._logos[key]

    def _find_logo(self, key: str) -> TreeFile | None:
        from styr.load import parse_document

        manifest_blob = self.repositories[key].blobs.get(MANIFEST)
        if manifest_blob is None:
            return None
        self._read_missing(self._unread([manifest_blob], limits.MAX_FILE_BYTES))
        raw = self._read.get(manifest_blob)
        data = parse_document(Path(MANIFEST), raw).data if raw is not None else None
        site = data.get("site") if isinstance(data, dict) else None
        written = site.get("logo") if isinstance(site, dict) else None
        if not isinstance(written, str):
            return None
        normal = posixpath.normpath(written.replace("\\", "/"))
        if normal.startswith(("..", "/")):
            return None  # the rule says why; nothing outside is copied
        return self._extra[_root(key)].get(normal)


def _root(key: str) -> str:
    """A repository's folder from the top as the listing names it ("" for the top)."""
    return "" if key == TOP else key


def _files_of(
    roots: list[str], files: list[TreeFile], manifests: set[str]
) -> tuple[dict[str, list[str]], dict[str, dict[str, TreeFile]]]:
    """Each repository's YAML files (names in it) and its other files (name -> file).

    As lint's walk: the manifest apart, hidden files and folders passed over,
    a folder holding a styr.yaml of its own another repository's.
    """
    yaml_files: dict[str, list[str]] = {root: [] for root in roots}
    extra: dict[str, dict[str, TreeFile]] = {root: {} for root in roots}
    owners: dict[str, str | None] = {}  # a folder's repository, found once per folder
    for file in files:
        folder = file.path.rpartition("/")[0]
        if folder not in owners:
            owners[folder] = _owner(file.path, manifests)
        owner = owners[folder]
        if owner is None or owner not in yaml_files:
            continue
        name = file.path[len(owner) + 1 :] if owner else file.path
        if name == MANIFEST or any(part.startswith(".") for part in name.split("/")):
            continue
        if name.endswith(YAML_SUFFIXES):
            yaml_files[owner].append(name)
        else:
            extra[owner][name] = file
    return yaml_files, extra


def _listing(top: Path, commit: str, prefix: str) -> list[TreeFile]:
    """The files of the revision a search from `prefix` needs, not the whole tree's.

    Those at and under `prefix`, and the styr.yaml and pyproject.toml of each
    folder above it (the repository it may lie in, and lint's settings); if it
    lies in a repository, that repository's files. Diffing one municipality of
    many lists one folder, not every municipality's.
    """
    if not prefix:
        return tree_files(top, commit)
    above = _folders_above(prefix)
    marks = tree_files(
        top, commit, [_joined(f, n) for f in above for n in (MANIFEST, PYPROJECT)], recursive=False
    )
    inside = [posixpath.dirname(f.path) for f in marks if _named(f.path, MANIFEST)]
    base = max(inside, key=len) if inside else prefix  # the repository it lies in, if one
    if not base:
        return tree_files(top, commit)  # the top itself is the repository
    found = {file.path: file for file in [*marks, *tree_files(top, commit, [base])]}
    return list(found.values())


def _folders_above(path: str) -> list[str]:
    """The folders above a path, from the top ("") down, the path itself not among them."""
    folders = [""]
    parts = path.split("/")
    for count in range(1, len(parts)):
        folders.append("/".join(parts[:count]))
    return folders


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
        if not folder or (prefix and not folder.startswith(prefix + "/")):
            continue
        inner = folder[len(prefix) + 1 :] if prefix else folder
        parts = inner.split("/")
        if any(part.startswith(".") for part in parts):
            continue
        if any(_joined(prefix, "/".join(parts[:n])) in manifests for n in range(1, len(parts))):
            continue  # inside another repository: that one's, not one of its own
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
