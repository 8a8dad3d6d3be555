"""The steps every writer shares: a temporary file beside the target, flushed, moved into place.

A temporary file is named `.<name>.<random>.styr-tmp` (so that `*.styr-tmp` in
a .gitignore keeps a leftover out of git), created exclusively and never
through a link. These helpers raise plain `OSError`, so that each writer (one
file, several files, the lint cache) decides how to report it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import stat
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

TEMPORARY_SUFFIX = ".styr-tmp"

# Flags that exist only on some systems; 0 where they do not.
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
BINARY = getattr(os, "O_BINARY", 0)  # without it Windows writes every "\n" as "\r\n"
NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def made_utf8(piece: str) -> bytes | None:
    """The UTF-8 a piece of text carries already (`utf8`: a tidied page's batch, checked as
    those bytes, `styr.report.render.Encoded`), or None for a plain text to encode."""
    return None if type(piece) is str else getattr(piece, "utf8", None)


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
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | BINARY
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
def termination_as_exit() -> Iterator[None]:
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


def mode_for(path: Path) -> int:
    """Keep an existing file's permissions; give a new one what the umask allows.

    A temporary file is private (0600) by default; a report is meant to be read.
    """
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


class FlushingBehind:
    """Flushes what is written so far to disk in a thread, while more is being written.

    The folder `files_many.replace_folder` stages is flushed whole (`os.sync`)
    before it is swapped in, and that flush is what keeps the promise: every
    file is on disk before the old folder is replaced. Flushed behind the
    writing as it goes, most of it is on disk by then, and that last flush,
    which nothing else overlaps, has little left to write. `written(count)`
    says that `count` more files are written; every `every` files a flush
    starts, unless one is still running. `stop` waits for the one running.
    Where the system has no `sync` (Windows), nothing is flushed behind.
    """

    __slots__ = ("_every", "_since", "_sync", "_thread")

    def __init__(self, every: int) -> None:
        self._every = every
        self._since = 0
        self._sync = getattr(os, "sync", None)
        self._thread: threading.Thread | None = None

    def written(self, count: int = 1) -> None:
        self._since += count
        if self._sync is None or self._since < self._every or self.running():
            return
        self._since = 0
        self._thread = threading.Thread(target=self._sync, name="flushing-behind", daemon=True)
        self._thread.start()

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
