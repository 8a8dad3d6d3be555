"""Writing files safely: never half-written, never through a link, never over work unasked.

Every file styr writes goes through a temporary file beside its target, named
`.<name>.<random>.styr-tmp` (so that `*.styr-tmp` in a .gitignore keeps a
leftover out of git), written and flushed to disk, then moved into place and
the folder flushed too. On every failure path the temporary file is removed
again; a kill that leaves no chance to clean up leaves only such a file.

The target must be a regular file or not exist yet: a symbolic link, a
folder, a device, a named pipe or a socket is refused rather than replaced
or written through (`-o -` is the way to write to standard output).

The helpers below the public functions raise plain `OSError`, so that other
writers (several files at once, the lint cache) reuse them; `usage_error_for`
turns an `OSError` into the Swedish/English usage error the CLI shows.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import FrameType

from styr.errors import UsageError

TEMPORARY_SUFFIX = ".styr-tmp"
GITIGNORE_PATTERN = f"*{TEMPORARY_SUFFIX}"

# Flags that exist only on some systems; 0 where they do not.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
# Characters gathered before one write of a text that comes in pieces.
_WRITE_SIZE = 1 << 20

# errno → the message key that says, in plain words, why writing failed.
# (getattr: not every system defines every code.)
_REASONS = {
    getattr(errno, name): key
    for name, key in (
        ("EACCES", "files-denied"),
        ("EPERM", "files-denied"),
        ("EROFS", "files-read-only"),
        ("ENOSPC", "files-no-space"),
        ("EDQUOT", "files-no-space"),
        ("EFBIG", "files-too-large"),
        ("ENOTDIR", "files-not-a-folder"),
        ("EEXIST", "files-not-a-folder"),  # mkdir: a file stands where a folder should be
        ("EISDIR", "files-target-folder"),
        ("ELOOP", "files-link-loop"),
        ("ENAMETOOLONG", "files-name-too-long"),
    )
    if hasattr(errno, name)
}


@dataclass(frozen=True)
class AsRead:
    """What a file held when it was read, before a slow step and a write back (None: absent)."""

    data: bytes | None


def write_atomic(
    path: Path,
    text: str | Iterable[str],
    *,
    overwrite: bool = True,
    unchanged_since: AsRead | None = None,
) -> None:
    """Write `text` (UTF-8, `\\n` line ends) to `path`, all or nothing.

    `text` is one string or the pieces of one, in order: pieces are encoded
    and written as they come, so that a large report is never held whole, and
    whatever goes wrong while they come (an error in a template) leaves the
    target as it was. With `overwrite=False` an existing file with other
    contents is left alone and reported. With `unchanged_since`, the file is
    compared with what it held when it was read right before the move into
    place, and left alone if someone changed it meanwhile (the usage error
    `file-changed-since-read`). Any failure is a `UsageError` naming the path
    and the reason.
    """
    if not isinstance(text, str) and not overwrite:
        text = "".join(text)  # compared with what is there: whole, and rare (small files)
    data: bytes | Iterator[bytes] = (
        text.encode("utf-8", errors="replace") if isinstance(text, str) else _encoded(text)
    )
    with usage_errors(path):
        kind = target_kind(path)
        if kind is not None:
            raise UsageError(kind, path=str(path))
        if not overwrite and os.path.lexists(path):
            if isinstance(data, bytes) and path.read_bytes() == data:
                return
            raise UsageError("file-exists", path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        with _termination_as_exit():
            temporary = write_temporary(path, data, mode=_mode_for(path))
            if unchanged_since is not None and _on_disk(path) != unchanged_since.data:
                discard(temporary)
                raise UsageError("file-changed-since-read", path=str(path))
            move_into_place(temporary, path)


def _on_disk(path: Path) -> bytes | None:
    """The file's bytes now, read without following a link (None: nothing there)."""
    try:
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW | _BINARY | _NONBLOCK)
    except FileNotFoundError:
        return None
    with os.fdopen(handle, "rb") as file:
        return file.read()


def _encoded(pieces: Iterable[str]) -> Iterator[bytes]:
    """The pieces as UTF-8, gathered into writes of about a megabyte (templates write tiny ones)."""
    batch: list[str] = []
    size = 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size >= _WRITE_SIZE:
            yield "".join(batch).encode("utf-8", errors="replace")
            batch.clear()
            size = 0
    yield "".join(batch).encode("utf-8", errors="replace")


@contextmanager
def usage_errors(path: Path) -> Iterator[None]:
    """Turn any `OSError` inside the block into a usage error about `path`."""
    try:
        yield
    except OSError as error:
        raise usage_error_for(path, error) from None


def usage_error_for(path: Path, error: OSError) -> UsageError:
    """The usage error that says, in the reader's words, why `path` could not be written."""
    key = _REASONS.get(error.errno or 0)
    if key is None:
        code = errno.errorcode.get(error.errno or 0, str(error.errno or "?"))
        return UsageError("files-os-error", path=str(path), code=code)
    return UsageError(key, path=str(path))


def target_kind(path: Path) -> str | None:
    """None when `path` may be written (a regular file, or nothing yet); else why not.

    `lstat` looks at the path itself, so a link is seen as a link, never as
    what it points to.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "files-target-link"
    if stat.S_ISDIR(mode):
        return "files-target-folder"
    return "files-target-special"


def temporary_name(path: Path) -> Path:
    """A fresh temporary file name beside `path`: `.<name>.<random>.styr-tmp`."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")


def write_temporary(
    path: Path, data: bytes | Iterable[bytes], *, mode: int = 0o600, durable: bool = True
) -> Path:
    """`data` (bytes, or pieces of them in order) in a new temporary file beside `path`;
    returns its name.

    The file is created exclusively (never an existing file or a link) with
    `mode`, and flushed to disk when `durable`. On failure, including an
    exception raised while the pieces are made, it is removed and the
    exception raised.
    """
    temporary = temporary_name(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY
    handle = os.open(temporary, flags, mode)
    try:
        try:
            for piece in (data,) if isinstance(data, bytes) else data:
                view = memoryview(piece)
                while view:
                    view = view[os.write(handle, view) :]
            if hasattr(os, "fchmod"):
                os.fchmod(handle, mode)  # os.open applied the umask; keep what was asked for
            if durable:
                os.fsync(handle)
        finally:
            os.close(handle)
    except BaseException:
        discard(temporary)
        raise
    return temporary


def move_into_place(temporary: Path, path: Path, *, durable: bool = True) -> None:
    """Rename `temporary` over `path` (a link at `path` is replaced, not followed).

    When `durable`, the folder is flushed too, so that the new name survives a
    power cut. On failure the temporary file is removed and the error raised.
    """
    try:
        os.replace(temporary, path)
    except BaseException:
        discard(temporary)
        raise
    if durable:
        fsync_folder(path.parent)


def discard(temporary: Path) -> None:
    """Remove a temporary file; one that is already gone is fine."""
    with contextlib.suppress(OSError):  # nothing more can be done; the name says what it is
        os.unlink(temporary)


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk where the system allows it (not on Windows)."""
    if os.name == "nt":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems cannot flush a folder; the file itself is flushed
    finally:
        os.close(handle)


@contextmanager
def _termination_as_exit() -> Iterator[None]:
    """While a file is being written, let SIGTERM unwind (and clean up) instead of vanish.

    Python's default for SIGTERM ends the process on the spot, leaving the
    temporary file; raising SystemExit runs the clean-up on the way out. Only
    the main thread can set handlers, and a handler someone else set is kept.
    """
    if (
        not hasattr(signal, "SIGTERM")
        or threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return

    def leave(number: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + number)

    signal.signal(signal.SIGTERM, leave)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; give a new one what the umask allows.

    A temporary file is private (0600) by default; a report is meant to be read.
    """
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


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
        with usage_errors(destination), _termination_as_exit():
            for relative, text in files.items():
                _write_new(staging / _inside(relative), text.encode("utf-8"))
            for folder in {(staging / _inside(r)).parent for r in files}:
                fsync_folder(folder)
            if destination.is_dir():
                _move_contents(staging, destination)
            else:
                os.chmod(staging, 0o777 & ~_umask())  # mkdtemp's is private; a repository not
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
        with _termination_as_exit():
            for path, data in changed.items():
                with usage_errors(path):
                    path.parent.mkdir(parents=True, exist_ok=True)
                    staged[path] = write_temporary(path, data, mode=_mode_for(path))
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


def _inside(relative: str) -> Path:
    """A relative path that stays inside its folder (anything else is a programming error)."""
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"not a path inside the folder: {relative!r}")
    return Path(*path.parts)


def _write_new(path: Path, data: bytes) -> None:
    """A new file in a private staging folder, flushed to disk, readable as the umask allows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(path, 0o666 & ~_umask())
