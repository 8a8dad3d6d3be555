"""A signed stat index: a run where nothing changed knows each cache key without reading a file.

As git's index does, it keeps, for every file of a repository, its size,
modification and change times (in nanoseconds), inode and device as they were
just before the file was read, and the cache key those bytes gave. A run that
finds the same files with the same stamps, and the same tool, schemas,
configuration and date (`LintCache.context`), takes the key from the index and
reads nothing; any difference, and the files are read and hashed as before.

Rewriting a file changes its change time even when its size and modification
time are put back (`os.utime` sets the change time to now), so such a file is
read again. Git's "racy" rule: a file changed in the same tick of the file
system's clock as it was read could change again without a new stamp; a file
whose modification or change time is less than `RACY_NS` older than the read
is therefore never indexed, and its repository is read in full next time too.

Only regular files are indexed (no links, no files refused by
`styr.load.access`): a repository with any other is always read. The index is
signed with the user's secret, exactly as an entry is (`styr.cache`): an index
someone else wrote is ignored.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from datetime import date
from pathlib import Path
from typing import Any

from styr.cache import INDEX_SUFFIX, LintCache

# A stamp: [name in the repository, size, mtime_ns, ctime_ns, inode, device].
Stamp = list[Any]

# Two seconds: longer than any file system's clock tick (FAT's is two seconds).
RACY_NS = 2_000_000_000
_INDEX_KEYS = frozenset(("context", "key", "files"))
_KEY = re.compile(r"[0-9a-f]{40}")


def now_ns() -> int:
    """The time a read starts, for the racy rule."""
    return time.time_ns()


def take_stamps(root: Path, names: list[str]) -> list[Stamp] | None:
    """Each file's stamp, without following links; None unless every one is a regular file.

    `names` are the files' names in the repository (`organisation/x.yaml`).
    """
    folder = str(root)
    stamps: list[Stamp] = []
    for name in names:
        try:
            status = os.lstat(os.path.join(folder, name))
        except OSError:
            return None
        if not stat.S_ISREG(status.st_mode):
            return None
        stamps.append(
            [
                name,
                status.st_size,
                status.st_mtime_ns,
                status.st_ctime_ns,
                status.st_ino,
                status.st_dev,
            ]
        )
    return stamps


def indexed_key(cache: LintCache, root: Path, today: date, names: list[str]) -> str | None:
    """The cache key of the files (by name) as the index knows them; None if anything differs."""
    index = cache.load(_index_name(root), INDEX_SUFFIX)
    if not _valid_index(index) or index["context"] != cache.context(root, today):
        return None
    if len(index["files"]) != len(names):
        return None
    stamps = take_stamps(root, names)
    if stamps is None or stamps != index["files"]:
        return None
    key: str = index["key"]
    return key


def store_index(
    cache: LintCache,
    root: Path,
    today: date,
    key: str,
    stamps: list[Stamp] | None,
    read_from_ns: int,
) -> None:
    """Remember `key` for these stamps, unless a file is not regular or is racy."""
    if stamps is None or any(max(s[2], s[3]) >= read_from_ns - RACY_NS for s in stamps):
        return
    index = {"context": cache.context(root, today), "key": key, "files": stamps}
    cache.store(_index_name(root), index, INDEX_SUFFIX)


def _index_name(root: Path) -> str:
    """One index per repository folder, named by its absolute path."""
    path = os.path.abspath(root).encode("utf-8", "surrogateescape")
    return hashlib.blake2b(b"stat-index\0" + path, digest_size=20).hexdigest()


def _valid_index(index: Any) -> bool:
    """The index's shape; its key becomes a file name, so it is checked strictly."""
    return (
        isinstance(index, dict)
        and index.keys() == _INDEX_KEYS
        and isinstance(index["context"], str)
        and isinstance(index["key"], str)
        and _KEY.fullmatch(index["key"]) is not None
        and isinstance(index["files"], list)
    )
