"""What a lint cache key depends on besides the files: tool, schemas, configuration, date.

The context of a repository is a digest of the cache's format, styr's
version and installed code, the schemas, every `pyproject.toml` in the
repository's real folder or above (their bytes: `[tool.styr]` may
configure the lint), the date rules compare with, and the size and time of
the stored lists of Kolada's key figures (styr.kolada.snapshot_place), which lint
reads. It is part of every cache key and of every stat index
(`styr.cache_index`), so a change to any of them is a miss.

A warm run asks for the context of every repository: `Contexts` answers the
many repositories of one run, looking at each folder above them once.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from pathlib import Path

from styr import __version__
from styr.kolada import snapshot_place
from styr.resources import data_dir

FORMAT = 2
PYPROJECT = "pyproject.toml"


def context(root: Path, today: date) -> str:
    """The context of the repository at `root` on `today` (see the module's text)."""
    pyprojects = (_bytes_or_mark(path) for path in _pyprojects(os.path.realpath(root)))
    return _digest(today, pyprojects, snapshot_place.stamp(root))


class Contexts:
    """`context(root, today)` for the repositories of one run, each folder above looked at once.

    The repositories of a run mostly share the folders above them; here each
    of those folders' real path, and the pyproject.toml files at or above it,
    are found once, and each file is read once. Make one per run: what was
    found is not looked at again, so one kept for long would miss a
    pyproject.toml created since.

    What is the same for every repository is found once too: the stamp of
    the user's Kolada snapshot, and the digest itself, which most
    repositories of a run share (the same pyproject.toml files above them,
    no snapshot of their own).
    """

    def __init__(self, today: date) -> None:
        self.today = today
        self._real: dict[str, str] = {}
        self._above: dict[str, list[str]] = {}
        self._bytes: dict[str, bytes] = {}
        self._user_kolada = snapshot_place.user_stamp()
        self._digests: dict[tuple[tuple[str, ...], bytes], str] = {}

    def __call__(self, root: Path) -> str:
        pyprojects = tuple(self._pyprojects(root))
        kolada = snapshot_place.joined_stamp(
            snapshot_place.repository_stamp(root), self._user_kolada
        )
        found = self._digests.get((pyprojects, kolada))
        if found is None:
            contents = (self._read(path) for path in pyprojects)
            found = self._digests[pyprojects, kolada] = _digest(self.today, contents, kolada)
        return found

    def _pyprojects(self, root: Path) -> list[str]:
        folder, name = os.path.split(os.fspath(root))
        if name in ("", ".", "..") or os.path.islink(root):
            return _pyprojects(os.path.realpath(root))  # not a plain name: as `context` does
        # The real path of folder/name is the real path of the folder, then the name.
        parent = self._real.get(folder)
        if parent is None:
            parent = self._real[folder] = os.path.realpath(folder or os.curdir)
        if parent not in self._above:
            self._above[parent] = _pyprojects(parent)
        own = os.path.join(parent, name, PYPROJECT)
        return [own, *self._above[parent]] if os.path.isfile(own) else self._above[parent]

    def _read(self, path: str) -> bytes:
        if path not in self._bytes:
            self._bytes[path] = _bytes_or_mark(path)
        return self._bytes[path]


def _digest(today: date, pyprojects: Iterable[bytes], kolada: bytes) -> str:
    digest = hashlib.blake2b(digest_size=20)
    # The stored list of Kolada's key figures is read by lint (K002–K006): a new one is a miss.
    digest.update(kolada + b"\0")
    parts = (str(FORMAT), __version__, _code_digest(), _schemas_digest(), today.isoformat())
    for part in parts:
        digest.update(part.encode() + b"\0")
    for raw in pyprojects:
        digest.update(raw + b"\0")
    return digest.hexdigest()


def _pyprojects(real_folder: str) -> list[str]:
    """Every pyproject.toml in `real_folder` (a real path) or above, nearest first."""
    folder = real_folder
    found = []
    while True:
        candidate = os.path.join(folder, PYPROJECT)
        if os.path.isfile(candidate):
            found.append(candidate)
        parent = os.path.dirname(folder)
        if parent == folder:
            return found
        folder = parent


def _bytes_or_mark(path: str) -> bytes:
    """The file's bytes; for one that cannot be read, a mark (the configuration reports why)."""
    try:
        return Path(path).read_bytes()
    except OSError:
        return b"\0unreadable"


@cache
def _schemas_digest() -> str:
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(data_dir("schemas").glob("*.json")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def _code_digest() -> str:
    """The installed code and data, by name, size and change time.

    A development install keeps its version number while its rules change;
    an entry made by other code must not be taken for today's answer.
    """
    return code_digest(os.path.dirname(os.path.realpath(__file__)))


def code_digest(package: str) -> str:
    """A digest of the code and data files in `package`: their names, sizes and change times."""
    digest = hashlib.blake2b(digest_size=16)
    for name, status in sorted(_code_files(package, "")):
        digest.update(f"{name}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    return digest.hexdigest()


_CODE_SUFFIXES = (".py", ".json", ".mo", ".yaml")


def _code_files(folder: str, prefix: str) -> Iterator[tuple[str, os.stat_result]]:
    """The package's code and data files under `folder`, by name (`rules/base.py`).

    Walked with `os.scandir`, asked at the start of every run: links to
    folders are not followed, and `__pycache__` holds no file that counts.
    """
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    yield from _code_files(entry.path, f"{prefix}{entry.name}/")
            elif os.path.splitext(entry.name)[1] in _CODE_SUFFIXES:
                yield prefix + entry.name, entry.stat()
