"""Where the stored list of Kolada's KPIs is looked for, and the stamp lint's cache takes of it.

Apart from reading the list (styr.kolada.snapshot) because a warm lint asks
only this: every run's cache key includes the lists' size and time, and a run
answered from the cache should not import what reads them.
"""

from __future__ import annotations

import os
from pathlib import Path

REPOSITORY_FOLDER = ".styr"
FILE_NAME = "kolada-nyckeltal.json"


def repository_path(root: Path) -> Path:
    return root / REPOSITORY_FOLDER / FILE_NAME


def user_cache_path() -> Path | None:
    from styr.cache import user_cache_folder

    folder = user_cache_folder()
    return None if folder is None else folder / FILE_NAME


def locations(root: Path | None) -> list[Path]:
    """Where a snapshot is looked for, the repository's first: it is the one shared."""
    found = [repository_path(root)] if root is not None else []
    user = user_cache_path()
    return [*found, user] if user is not None else found


def find(root: Path | None) -> Path | None:
    return next((path for path in locations(root) if path.is_file()), None)


def stamp(root: Path) -> bytes:
    """What lint's cache key takes of the snapshots: their size and time, not their bytes."""
    return joined_stamp(repository_stamp(root), user_stamp())


# Each snapshot's place in `locations(root)`, which its stamp names.
_REPOSITORY_PLACE, _USER_PLACE = 0, 1


def repository_stamp(root: Path) -> str | None:
    """The stamp of the repository's own snapshot, None if it has none."""
    return _stamp_of(_REPOSITORY_PLACE, os.path.join(root, REPOSITORY_FOLDER, FILE_NAME))


def user_stamp() -> str | None:
    """The stamp of the snapshot in the user's cache folder: the same for every repository.

    A run of many repositories asks for it once (styr.cache_context.Contexts).
    """
    path = user_cache_path()
    return None if path is None else _stamp_of(_USER_PLACE, path)


def joined_stamp(repository: str | None, user: str | None) -> bytes:
    # Not the paths: repositories without a snapshot keep sharing one context.
    return "\n".join(part for part in (repository, user) if part is not None).encode()


def _stamp_of(place: int, path: str | Path) -> str | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return f"{place}\0{info.st_size}\0{info.st_mtime_ns}"
