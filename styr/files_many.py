"""Writing several files at once, all or none: a new folder (`write_tree`) or files
into an existing one (`write_files`).

Both stage everything first and move it into place only when all of it is
written and flushed; on any failure the staged files are removed, so the
command can simply be run again.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import TypeVar

from styr.errors import UsageError
from styr.files_errors import usage_errors
from styr.files_owned import files_below, keep_users_files, marker_bytes, users_files
from styr.files_staging import (
    TEMPORARY_SUFFIX,
    current_umask,
    discard,
    fsync_folder,
    made_utf8,
    mode_for,
    move_into_place,
    target_kind,
    termination_as_exit,
    write_temporary,
)

Result = TypeVar("Result")


def write_tree(destination: Path, files: Mapping[str, str]) -> list[Path]:
    """Create the folder `destination` with `files` (relative path → text): all or nothing.

    Everything is written into a hidden sibling folder (`.<name>.<random>.styr-tmp`)
    and flushed to disk, then that folder is renamed into place in one step. On
    any failure the sibling is removed, so the destination is either complete
    or not there at all, and the command can simply be run again.
    `destination` may exist beforehand only as an empty folder (the current
    one, say): then the staged files are moved into it, and moved back out
    if one move fails.
    """
    destination = Path(os.path.abspath(destination))  # "." names a folder in its parent
    parent = destination.parent
    with usage_errors(destination):
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(prefix=f".{destination.name}.", suffix=TEMPORARY_SUFFIX, dir=parent)
        )
    try:
        with usage_errors(destination), termination_as_exit():
            for relative, text in files.items():
                path = staging / _inside(relative)
                path.parent.mkdir(parents=True, exist_ok=True)
                _write_new(path, text.encode("utf-8"))
            for folder in {(staging / _inside(r)).parent for r in files}:
                fsync_folder(folder)
            if destination.is_dir():
                _move_contents(staging, destination)
            else:
                # mkdtemp's is private; a repository not
                os.chmod(staging, 0o777 & ~current_umask())
                os.rename(staging, destination)
            fsync_folder(parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [destination / _inside(relative) for relative in files]


def _move_contents(staging: Path, destination: Path) -> None:
    """Move what is staged into an existing empty folder; on a failure, move it back out."""
    if any(destination.iterdir()):
        raise OSError(errno.ENOTEMPTY, os.strerror(errno.ENOTEMPTY), str(destination))
    moved: list[tuple[Path, Path]] = []
    try:
        for entry in sorted(staging.iterdir()):
            os.rename(entry, destination / entry.name)
            moved.append((entry, destination / entry.name))
    except BaseException:
        for entry, target in reversed(moved):
            with contextlib.suppress(OSError):
                os.rename(target, entry)
        raise
    staging.rmdir()
    fsync_folder(destination)


def write_files(folder: Path, files: Mapping[str, str], *, overwrite: bool) -> list[Path]:
    """Write `files` (relative path → text) into `folder`: every file or none of them.

    A folder that does not exist yet is made with `write_tree`. In an existing
    one, every target is checked before anything is written: one that is not
    a regular file, or (without `overwrite`) one whose contents differ, stops
    the whole write. The new contents are then staged beside their targets and
    flushed, and only when all are staged are they moved into place. Files
    that already hold what is wanted are not touched. Returns the files written.
    """
    if not os.path.lexists(folder):
        return write_tree(folder, files)
    if not folder.is_dir():
        raise UsageError("files-export-not-a-folder", path=str(folder))
    changed = _changes(folder, files)
    refused = [path for path in changed if os.path.lexists(path)] if not overwrite else []
    if len(refused) == 1:
        raise UsageError("file-exists", path=str(refused[0]))
    if refused:
        raise UsageError("files-exist", path=str(refused[0]), count=len(refused))
    staged: dict[Path, Path] = {}
    try:
        with termination_as_exit():
            for path, data in changed.items():
                with usage_errors(path):
                    path.parent.mkdir(parents=True, exist_ok=True)
                    staged[path] = write_temporary(path, data, mode=mode_for(path))
            for path, temporary in staged.items():
                with usage_errors(path):
                    move_into_place(temporary, path)
    except BaseException:
        for temporary in staged.values():
            discard(temporary)
        raise
    return list(changed)


def _changes(folder: Path, files: Mapping[str, str]) -> dict[Path, bytes]:
    """The files that would change, each checked to be writable (a regular file or nothing)."""
    changed = {}
    for relative, text in files.items():
        path = folder / _inside(relative)
        data = text.encode("utf-8")
        with usage_errors(path):
            kind = target_kind(path)
            if kind is not None:
                raise UsageError(kind, path=str(path))
            if os.path.lexists(path) and path.read_bytes() == data:
                continue
        changed[path] = data
    return changed


def _inside(relative: str) -> str:
    """A relative path that stays inside its folder, as this system writes it (anything else
    is a programming error).

    A plain `a/b/c.html` (no empty, `.` or `..` part) is taken as it is, with no path
    object made of it: a site writes 10,000 of them. Anything else is read as a POSIX
    path would read it, to the same result.
    """
    parts = relative.split("/")
    if not _NOT_PLAIN.intersection(parts):
        return relative if os.sep == "/" else os.path.join(*parts)
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"not a path inside the folder: {relative!r}")
    return os.path.join(*path.parts)


_NOT_PLAIN = frozenset(("", ".", ".."))
# Created exclusively (never an existing file, never through a link), bytes as they are
# (Windows would otherwise write its line ends).
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _write_new(
    path: Path | str, data: bytes, *, flush: bool = True, mode: int | None = None
) -> None:
    """A new file in a private staging folder (which holds its folder already), flushed to
    disk (unless the caller flushes them all at once), readable as the umask allows (`mode`,
    when the caller has worked that out once for many files).

    One `open`, `write` and `close` each, on the file's descriptor: a site's 10,000 pages
    through Python's buffered files cost twice the calls into the system. The mode is
    set only where `open` did not give the file the one wanted (a folder with a default
    ACL): a change of mode is a write to the file system's journal, a look at it is not.
    """
    wanted = 0o666 & ~current_umask() if mode is None else mode
    handle = os.open(path, _NEW_FILE, wanted)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
        if flush:
            os.fsync(handle)
        if hasattr(os, "fchmod") and stat.S_IMODE(os.fstat(handle).st_mode) != wanted:
            os.fchmod(handle, wanted)  # as the path's chmod was: a default ACL gives way to it
    finally:
        os.close(handle)
    if not hasattr(os, "fchmod"):
        os.chmod(path, wanted)


def replace_folder(
    destination: Path,
    marker: str,
    fill: Callable[[Path], Result],
    *,
    kind: str = "site",
    kept: list[str] | None = None,
    written: Callable[[], list[str]] | None = None,
) -> Result:
    """Replace the folder `destination` whole with what `fill(staging)` writes: all or nothing.

    `fill` writes into a hidden sibling folder; only when it has returned is
    that folder flushed and swapped in for the old one, which is then removed.
    A failure anywhere before the swap leaves the old folder as it was. The
    new folder gets the file `marker`, listing every file written, and an
    existing folder is replaced only when it holds that marker (an earlier
    output of the same command) or is empty: a folder of the user's own is
    never deleted (`UsageError`). Files the user added to an earlier output
    (those its marker does not list) are copied into the new folder, and their
    paths added to `kept` (`styr.files_owned`). `written` gives the files `fill` wrote, where
    it kept count of them (`StagedFiles.written`): the staging folder is then not walked to
    find them, which took a tenth of a second of a site of 10,000 pages, with the workers done
    and nothing else to do meanwhile.
    """
    destination = Path(os.path.abspath(destination))
    parent = destination.parent
    _check_replaceable(destination, marker, kind)
    with usage_errors(destination):
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(prefix=f".{destination.name}.", suffix=TEMPORARY_SUFFIX, dir=parent)
        )
    try:
        with usage_errors(destination), termination_as_exit():
            result = fill(staging)
            files = written() if written is not None else files_below(staging, marker)
            own = users_files(destination, marker) if os.path.isdir(destination) else []
            keep_users_files(destination, staging, own, kind)
            _write_new(staging / marker, marker_bytes(files), flush=False)
            _flush_tree(staging)
            os.chmod(staging, 0o777 & ~current_umask())
            _check_replaceable(destination, marker, kind)  # it may have changed meanwhile
            _swap(staging, destination)
            fsync_folder(parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if kept is not None:
        kept.extend(own)
    return result


class StagedFiles:
    """Files written into a folder `replace_folder` stages (`write(relative, text)`).

    Not flushed one by one: `replace_folder` flushes them all before the swap
    (a site of 10,000 pages spent a third of its time in 10,000 fsyncs). Each
    folder is made once, the first time a file goes into it, and the umask is
    read once, instead of both for every file. `written` lists every file written, as
    `replace_folder`'s marker lists them.
    """

    __slots__ = ("_made", "_mode", "_staging", "written")

    def __init__(self, staging: Path) -> None:
        self._staging = os.fspath(staging)
        self._made: set[str] = set()
        self._mode = 0o666 & ~current_umask()
        self.written: list[str] = []

    def write(self, relative: str, text: str) -> None:
        """One file (`relative` a path inside the folder) with `text`."""
        inside = _inside(relative)
        path = os.path.join(self._staging, inside)
        folder = os.path.dirname(path)
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        utf8 = made_utf8(text)  # a page tidied whole has its bytes already
        _write_new(
            path, text.encode("utf-8") if utf8 is None else utf8, flush=False, mode=self._mode
        )
        self.written.append(inside if os.sep == "/" else inside.replace(os.sep, "/"))


def _check_replaceable(destination: Path, marker: str, kind: str) -> None:
    """Refuse a destination that is a file, or a folder with contents not ours to delete."""
    if not os.path.lexists(destination):
        return
    if destination.is_symlink():
        raise UsageError(f"{kind}-output-is-a-link", path=str(destination))
    if not destination.is_dir():
        raise UsageError(f"{kind}-output-not-a-folder", path=str(destination))
    with usage_errors(destination):
        empty = not any(destination.iterdir())
        ours = os.path.isfile(destination / marker) and not os.path.islink(destination / marker)
    if not empty and not ours:
        raise UsageError(f"{kind}-output-not-ours", path=str(destination), marker=marker)


def _swap(staging: Path, destination: Path) -> None:
    """Put `staging` where `destination` is; the old folder goes only once the new is there."""
    if not os.path.lexists(destination):
        os.rename(staging, destination)
        return
    old = Path(
        tempfile.mkdtemp(
            prefix=f".{destination.name}.old.", suffix=TEMPORARY_SUFFIX, dir=destination.parent
        )
    )
    os.rmdir(old)  # only its unique name is wanted
    os.rename(destination, old)
    try:
        os.rename(staging, destination)
    except BaseException:
        os.rename(old, destination)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _flush_tree(folder: Path) -> None:
    """Flush every file and folder under `folder` to disk, before it is swapped in.

    Where the system has it, one `sync()` flushes them all at once; elsewhere
    (Windows) each file is flushed in turn.
    """
    sync = getattr(os, "sync", None)
    if sync is not None:
        sync()
        return
    for current, _folders, files in os.walk(folder):
        for name in files:
            with open(os.path.join(current, name), "rb+") as stream:
                os.fsync(stream.fileno())
        fsync_folder(Path(current))
