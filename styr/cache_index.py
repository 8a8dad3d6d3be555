"""A signed stat index: a run where nothing changed knows each result without reading a file.

As git's index does, it records, for every file of a repository, its size,
modification and change times (in nanoseconds), inode and device as they were
just before the file was read, the cache key those bytes gave and the entry
stored under that key (the result, `styr.lint.to_cache_entry`). A run that
finds the same files with the same stamps, and the same tool, schemas,
configuration and date (`LintCache.context`), takes the result from the index
and reads nothing else; any difference, and the files are read and hashed as
before. The entry is in the index, not only beside it, so that a warm run
reads one cache file per repository, not two: the same value, under the same
signature as the index's stamps.

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

The index holds a digest of the files' names and stamps, not the stamps
themselves: it is a few hundred bytes whatever the repository's size, checked
with one HMAC, and today's stamps are compared with it in one pass. The stat
calls are most of what a warm run does: there they are asked of the folder
entries of the walk that lists the files (`listed_stamps`), so no folder is
listed twice and no path is built per file; where the files were just read,
they are made relative to the repository's open folder where the system
allows (`take_stamps`). Both give the same stamps for the same files.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import stat
import time
from collections.abc import Callable, Iterable
from datetime import date
from operator import methodcaller
from pathlib import Path
from typing import Any, TypeVar

from styr.cache import INDEX_SUFFIX, LintCache
from styr.model.repository import MANIFEST, Listed

# A stamp: (name in the repository, size, mtime_ns, ctime_ns, inode, device).
Stamp = tuple[str, int, int, int, int, int]

_Item = TypeVar("_Item")  # what a stamp is asked of: a name, or a folder entry

_MARSHAL_VERSION = 2  # the stamps' form in their digest: no references (see _stamps_digest)
# Two seconds: longer than any file system's clock tick (FAT's is two seconds).
RACY_NS = 2_000_000_000
_INDEX_KEYS = frozenset(("context", "key", "stamps", "entry"))
_KEY = re.compile(r"[0-9a-f]{40}")
_DIGEST = re.compile(r"[0-9a-f]{40}")
# Stat calls relative to an open folder, where the system has them (not Windows).
_RELATIVE_STAT = os.stat in os.supports_dir_fd and os.open in os.supports_dir_fd
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
# A folder entry's stat is the file's whole `lstat` (on Windows it lacks inode and device).
_ENTRY_STAT_WHOLE = os.name != "nt"
# A folder entry's `lstat`, asked of each of a warm run's 9,000 files: one C call, no lambda.
_ENTRY_LSTAT = methodcaller("stat", follow_symlinks=False)


def now_ns() -> int:
    """The time a read starts, for the racy rule."""
    return time.time_ns()


def take_stamps(root: Path, names: list[str]) -> list[Stamp] | None:
    """Each file's stamp, without following links; None unless every one is a regular file.

    `names` are the files' names in the repository (`organisation/x.yaml`).
    """
    folder = str(root)
    if not _RELATIVE_STAT:
        return _stamps(
            zip(names, names, strict=True), lambda name: os.lstat(os.path.join(folder, name))
        )
    try:
        handle = os.open(folder, os.O_RDONLY | _DIRECTORY)
    except OSError:
        return None
    try:
        return _stamps(
            zip(names, names, strict=True),
            lambda name: os.stat(name, dir_fd=handle, follow_symlinks=False),
        )
    finally:
        os.close(handle)


def listed_stamps(manifest: os.DirEntry[str] | None, listed: list[Listed]) -> list[Stamp] | None:
    """`take_stamps` of the manifest and the files a walk listed (`repository_entries`).

    The same stamps as `take_stamps` gives for their names, taken from the
    folder entries: no path is built, and each is one `lstat`. Windows' entries
    carry no inode or device, so there each file is asked with `os.lstat`.
    """
    if manifest is None:
        return None
    entries = [(MANIFEST, manifest), *listed]
    if _ENTRY_STAT_WHOLE:
        return _stamps(entries, _ENTRY_LSTAT)
    return _stamps(entries, lambda entry: os.lstat(entry.path))


def _stamps(
    named: Iterable[tuple[str, _Item]], status_of: Callable[[_Item], os.stat_result]
) -> list[Stamp] | None:
    """Each item's stamp under its name; None unless every one is a regular file."""
    stamps: list[Stamp] = []
    append = stamps.append
    for name, item in named:
        try:
            status = status_of(item)
        except (OSError, ValueError):  # ValueError: a name the system cannot hold (a NUL)
            return None
        if not stat.S_ISREG(status.st_mode):
            return None
        append(
            (
                name,
                status.st_size,
                status.st_mtime_ns,
                status.st_ctime_ns,
                status.st_ino,
                status.st_dev,
            )
        )
    return stamps


def indexed_entry(
    cache: LintCache,
    root: Path,
    context: Callable[[Path], str],
    stamps_now: Callable[[], list[Stamp] | None],
) -> Any:
    """The cache entry of the files as the index knows them; None if anything differs.

    `context` gives a repository's context (`LintCache.contexts`), `stamps_now`
    its files' stamps as they are now (`listed_stamps`), asked only when there
    is an index of this context to compare with. The entry's own shape is
    the caller's to check (`styr.cache_entry.valid_entry`), as for any entry.
    """
    index = cache.load(_index_name(root), INDEX_SUFFIX)
    if not _valid_index(index) or index["context"] != context(root):
        return None
    stamps = stamps_now()
    if stamps is None or _stamps_digest(stamps) != index["stamps"]:
        return None
    return index["entry"]


def store_index(
    cache: LintCache,
    root: Path,
    today: date,
    key: str,
    entry: Any,
    stamps: list[Stamp] | None,
    read_from_ns: int,
) -> None:
    """Remember `key` and its `entry` for these stamps, unless a file is not regular or is racy."""
    if stamps is None or any(max(s[2], s[3]) >= read_from_ns - RACY_NS for s in stamps):
        return
    value = index_value(cache.context(root, today), key, entry, stamps)
    cache.store(_index_name(root), value, INDEX_SUFFIX)


def index_value(context: str, key: str, entry: Any, stamps: list[Stamp]) -> dict[str, Any]:
    """What the index of a repository holds: the context, key and entry, and its stamps' digest."""
    return {"context": context, "key": key, "stamps": _stamps_digest(stamps), "entry": entry}


def _stamps_digest(stamps: list[Stamp]) -> str:
    """One digest of every name and stamp, in order; made in one pass over them.

    The stamps are written by `marshal` (four times as fast as `repr`, whose
    decimal numbers were a twentieth of a warm run), in its version 2: later
    versions write an object seen twice as a reference to the first, which
    depends on how many references there are, not on the value. Version 2
    writes every name and number as it is (a name that is not valid UTF-8,
    a lone surrogate, too), so every list of stamps has one digest, and two
    lists one each. Another Python writing another form costs one read.
    """
    return hashlib.blake2b(marshal.dumps(stamps, _MARSHAL_VERSION), digest_size=20).hexdigest()


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
        and isinstance(index["stamps"], str)
        and _DIGEST.fullmatch(index["stamps"]) is not None
    )
