"""Finding governance repositories on disk and loading their files."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import attrgetter
from pathlib import Path
from typing import Any

from styr.errors import UsageError
from styr.load import Document, limits, load_document, parse_document
from styr.load.access import InsideReader, Refused, leads_inside
from styr.model.steering_model import SteeringModel, read_steering_model
from styr.record import Record

MANIFEST = "styr.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
_NAME = attrgetter("name")  # folder entries in name order, as os.walk's sorted names


class Repository(Record):
    """One municipality's governance repository, loaded. Not a dataclass: see `styr.record`."""

    __slots__ = ("documents", "manifest", "memo", "model", "root")
    _fields = ("root", "manifest", "documents", "model")

    def __init__(
        self,
        root: Path,
        manifest: Document,
        documents: Sequence[Document] | None = None,
        model: SteeringModel | None = None,
    ) -> None:
        self.root = root
        self.manifest = manifest
        self.documents: Sequence[Document] = [] if documents is None else documents
        self.model = SteeringModel() if model is None else model
        # What is read from the documents once and asked for by several (the
        # follow-up outcomes: lint's rules and the report), by who reads it.
        self.memo: dict[str, Any] = {}

    @property
    def manifest_data(self) -> dict[str, Any]:
        return self.manifest.data if isinstance(self.manifest.data, dict) else {}

    @property
    def language(self) -> str | None:
        language = self.manifest_data.get("language")
        return language if language in ("sv", "en") else None

    @property
    def municipality_name(self) -> str:
        municipality = self.manifest_data.get("municipality")
        name = municipality.get("name") if isinstance(municipality, dict) else None
        return name if isinstance(name, str) else self.root.name

    @property
    def municipality_code(self) -> str | None:
        municipality = self.manifest_data.get("municipality")
        code = municipality.get("code") if isinstance(municipality, dict) else None
        return code if isinstance(code, str) else None

    @property
    def term(self) -> tuple[int, int] | None:
        term = self.manifest_data.get("term_of_office")
        if isinstance(term, dict):
            start, end = term.get("start"), term.get("end")
            if type(start) is int and type(end) is int:
                return start, end
        return None

    def all_documents(self) -> list[Document]:
        return [self.manifest, *self.documents]


def find_repositories(paths: Iterable[Path]) -> list[Path]:
    """The repository roots that the given paths name (see `find_listed_repositories`)."""
    return list(find_listed_repositories(paths))


# A repository's folder as a search found it, with the listing of its top
# folder where the search listed it (None where it did not).
Listing = list[os.DirEntry[str]] | None


def find_listed_repositories(paths: Iterable[Path]) -> dict[Path, Listing]:
    """The repository roots that the given paths name, in order, each with its top's listing.

    The listing lets a warm run walk the repository without listing its top
    folder again (`repository_entries`); it is as old as the search, so it is
    for comparing stamps at once, never kept.

    A path may be a repository (it holds `styr.yaml`), a folder holding
    repositories at any depth, or a file or folder inside a repository: as git
    does, the repository is then found upwards (pre-commit passes files, and
    `styr lint` is run from a subfolder; the goal chain is cross-file, so the
    whole repository is linted).
    """
    roots: dict[Path, Listing] = {}
    for path in paths:
        if not path.exists():
            raise UsageError("path-missing", path=str(path))
        found = _roots_for(path)
        if not found:
            raise UsageError("no-repository", path=str(path))
        for root, listing in found.items():
            roots.setdefault(root, listing)
    return roots


def _roots_for(path: Path) -> dict[Path, Listing]:
    if path.is_file():
        above = _repository_above(path.resolve().parent)
        return {above: None} if above is not None else {}
    if (path / MANIFEST).is_file():
        return {path: None}
    found: dict[Path, Listing] = {}
    _repositories_below(os.fspath(path), found)
    if found:
        return found
    above = _repository_above(path.resolve())
    return {above: None} if above is not None else {}


def _repositories_below(folder: str, found: dict[Path, Listing]) -> None:
    """The repositories at or below `folder`, as `os.walk` finds them, with their listings.

    Folders are gone into in name order, hidden ones and links not at all;
    a repository's own folders are its files, not repositories.
    """
    try:
        with os.scandir(folder) as entries:
            listing = list(entries)
    except OSError:
        return  # as os.walk: a folder that cannot be listed is passed over
    subfolders = []
    for entry in listing:
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if is_folder:
            subfolders.append(entry)
        elif entry.name == MANIFEST:
            found[Path(folder)] = listing
            return
    for entry in sorted(subfolders, key=_NAME):
        if not entry.name.startswith(".") and not entry.is_symlink():
            _repositories_below(entry.path, found)


def _repository_above(folder: Path) -> Path | None:
    """The nearest folder at or above `folder` holding `styr.yaml`.

    The search stops at the top of a git work tree, as git's own does at its
    repository: a `styr.yaml` above the checkout belongs to something else.
    """
    for candidate in (folder, *folder.parents):
        if (candidate / MANIFEST).is_file():
            return _relative(candidate)
        if (candidate / ".git").exists():
            return None
    return None


def _relative(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def repository_files(root: Path) -> list[Path]:
    """Every YAML file of a repository except the manifest, in a stable order.

    Folders reached through a symbolic link are not walked (each file is
    found at its real place). A link to a folder outside the repository is
    listed itself, so that loading it says it is refused (`styr.load.access`)
    instead of the files behind it going unseen.
    """
    return [root / name for name in repository_names(root)]


def repository_names(root: Path) -> list[str]:
    """`repository_files` as names in the repository (`organisation/x.yaml`).

    Walked with plain strings and `os.scandir`: a run answered from the lint
    cache does little else than this walk and a stat of each file.
    """
    return [name for name, _entry in repository_entries(root)[1]]


# A file of a repository as the walk found it: its name in the repository and
# its folder entry (whose `stat` the stat index takes without building a path).
Listed = tuple[str, os.DirEntry[str]]


def repository_entries(
    root: Path, listing: Listing = None
) -> tuple[os.DirEntry[str] | None, list[Listed]]:
    """The manifest's folder entry (None if it is not there) and `repository_names`' entries.

    One listing of each folder gives the names and what `styr.cache_index`
    stamps them by, so a warm run lists no folder twice; `listing` is the top
    folder's, if the search for repositories has just listed it.
    """
    listed: list[Listed] = []
    manifest: list[os.DirEntry[str]] = []
    _walk(str(root), str(root), "", listed, manifest, listing)
    return (manifest[0] if manifest else None), listed


def _walk(
    root: str,
    folder: str,
    prefix: str,
    listed: list[Listed],
    manifest: list[os.DirEntry[str]],
    listing: Listing = None,
) -> None:
    """The files under `folder` (named `prefix` in the repository), as `os.walk` orders them.

    A subfolder holding a `styr.yaml` is a repository of its own, none of whose
    files are the repository's: it is seen in the subfolder's own listing as
    it is walked into, not asked of every subfolder by one more call (a warm
    run does little but this walk). A link to a folder is not walked into, so
    it is asked of the link itself.
    """
    if listing is not None:
        found = listing
    else:
        try:
            with os.scandir(folder) as entries:
                found = list(entries)
        except OSError:
            return  # as os.walk: a folder that cannot be listed is passed over
    folders: list[os.DirEntry[str]] = []
    files: list[os.DirEntry[str]] = []
    for entry in found:
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if is_folder:
            folders.append(entry)
        else:
            files.append(entry)
    start = len(listed)  # what this folder adds, taken back if it is a repository of its own
    walked = []
    for entry in sorted(folders, key=_NAME):
        name = entry.name
        if name.startswith("."):
            continue  # hidden
        if entry.is_symlink():
            if not os.path.isfile(os.path.join(entry.path, MANIFEST)) and not leads_inside(
                Path(root), Path(entry.path)
            ):
                listed.append((prefix + name, entry))
            continue
        walked.append(entry)  # unless it is a repository of its own, seen as it is walked
    for entry in sorted(files, key=_NAME):
        name = entry.name
        if name == MANIFEST and not prefix:
            manifest.append(entry)
        elif name == MANIFEST and os.path.isfile(entry.path):  # following a link, as always
            del listed[start:]
            return  # a repository of its own: none of its files
        elif name.endswith(YAML_SUFFIXES) and not name.startswith("."):
            listed.append((prefix + name, entry))
    for entry in walked:
        _walk(root, entry.path, f"{prefix}{entry.name}/", listed, manifest)


# From this size on, a repository's values that repeat (keys, units, years)
# are one object each: a third of the memory of a large repository. A smaller
# one (a municipality's is about 150 KB) is read faster without, and its
# values are let go once it is linted.
SHARE_FROM_BYTES = 512 * 1024


def load_repository(root: Path, contents: dict[Path, bytes | None] | None = None) -> Repository:
    """Load a repository; `contents` are bytes already read (by the cache), read once only."""
    reader = InsideReader(root)
    given = sum(len(raw) for raw in contents.values() if raw is not None) if contents else 0

    def load(file: Path) -> Document:
        raw = contents.get(file) if contents is not None else None
        # Bytes given are all known; files read here are counted as they come.
        share = max(given, reader.bytes_read) >= SHARE_FROM_BYTES
        if raw is not None:
            return parse_document(file, raw, share=share)
        return load_document(file, root, reader, share=share)

    files = list(contents) if contents is not None else [root / MANIFEST, *repository_files(root)]
    with collector_paused():  # the values read live as long as the repository
        manifest = load(root / MANIFEST)
        documents = [load(file) for file in files if file != root / MANIFEST]
    steering = manifest.data.get("steering_model") if isinstance(manifest.data, dict) else None
    return Repository(
        root=root,
        manifest=manifest,
        documents=documents,
        model=read_steering_model(steering),
    )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while objects that outlive the pause are made.

    Loading a repository makes millions of values, and its index hundreds of
    thousands of elements, that live as long as the repository; the
    collector walked them again and again for nothing while they were made
    (a fifth of the time of reading 100,000 goals). After the pause they are
    young objects like any other. Moving them to the oldest generation at
    once (`gc.freeze`, `gc.unfreeze`) saved another tenth of that time, but
    then a full collection came so seldom that, linting many repositories in
    one process, each one's garbage (its index's elements refer to each
    other, and so hold its values) waited for it: 242 MB for the 290
    municipalities of the benchmark where 71 MB do. Inside `kept_to_the_end`,
    where nothing loaded becomes garbage before the end, they are moved
    there all the same. Not paused where the collector is off already (a
    pause within a pause is the outer one).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if _kept_to_the_end:
            gc.freeze()
        gc.enable()


_kept_to_the_end = False  # inside `kept_to_the_end`


@contextmanager
def kept_to_the_end() -> Iterator[None]:
    """A command that keeps what it loads until it ends: what each pause made is frozen.

    A report, a status, a site or the lint of one repository holds its
    repository and index to the end. Left young after a pause, those millions
    of objects were walked by the next collections of the young generations,
    finding nothing to free: at 100,000 goals about 1.3 s of processor time in
    each of those commands (lint 1.38 → 0.12 s, the HTML report 1.33 → 0.01 s).
    Moved out of the collector's reach (`gc.freeze`) as each pause ends, they
    cost nothing; what the command makes and drops afterwards is collected as
    always, and values in no cycle are freed when let go, frozen or not. At
    the end everything frozen goes back to the oldest generation
    (`gc.unfreeze`), so that a process running more (a test, a server) can
    collect it. Within another, the outer one decides.
    """
    global _kept_to_the_end
    if _kept_to_the_end:
        yield
        return
    _kept_to_the_end = True
    try:
        yield
    finally:
        _kept_to_the_end = False
        gc.unfreeze()


def read_repository_files(root: Path, files: list[Path] | None = None) -> dict[Path, bytes | None]:
    """The bytes of every file of a repository (None where it may not or cannot be read).

    `files` are the manifest and `repository_files(root)`, if already listed.
    Which files may be read is decided in one place, `styr.load.access`; a
    file refused here is refused again, with its reason, when it is loaded.
    """
    contents: dict[Path, bytes | None] = {}
    reader = InsideReader(root)
    for file in files if files is not None else [root / MANIFEST, *repository_files(root)]:
        try:
            contents[file] = reader.read(file, max_bytes=limits.MAX_FILE_BYTES)
        except Refused:
            contents[file] = None  # load_document reports why
    return contents
