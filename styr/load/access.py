"""Which files may be read, and reading them: one decision for every file styr opens.

A repository is written by many hands and linted in CI, so what lies in it
must not make styr read something else. A file is read only when

* it is a regular file (not a FIFO, a device, a socket or a folder): a FIFO
  named `*.yaml` would block for ever, `/dev/zero` would fill the memory;
* its real path, with every symbolic link followed, lies inside the root
  folder: a link to a configuration file elsewhere would have its values
  echoed by findings in a CI log;
* it is at most `max_bytes` long, checked before and while reading.

The file is opened without blocking (O_NONBLOCK, where the system has it) and
checked again on the open handle (fstat) before a byte is read, so that a file
swapped for a FIFO between the check and the open cannot block either.
Everything refused raises `Refused`, which says why in Swedish and English.

`read_inside(root, path, max_bytes=…)` serves any root: a repository for its
YAML files, a template folder for `{% include %}`.
"""

from __future__ import annotations

import errno
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import Any

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_CHUNK = 1024 * 1024


class Refused(Exception):
    """A file that is not read, and why (a message key and its parameters)."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def reason(self, language: str) -> str:
        from styr.messages import message  # the sentences only when a file is refused

        return message(self.key, language, **self.params)

    def finding_params(self) -> dict[str, Any]:
        """The reason as a finding carries it: Swedish, and English beside it."""
        return {"reason": self.reason("sv"), "reason_en": self.reason("en")}


def read_inside(root: Path, path: Path, *, max_bytes: int) -> bytes:
    """The bytes of `path` if it may be read as a file inside `root`; else raise Refused.

    `path` is a path as the caller found it (absolute, or relative to the
    current folder, e.g. `root / "vision.yaml"`), a symbolic link or not.
    """
    real = _real_path(path)
    if not _inside(real, _real_root(os.path.abspath(root))):
        raise Refused("load-refused-outside")
    try:
        _check(os.stat(real), max_bytes)
        handle = os.open(real, _OPEN_FLAGS)
    except OSError as error:
        raise _refusal(error) from None
    try:
        _check(os.fstat(handle), max_bytes)  # what was opened, not what was looked at
        return _read_at_most(handle, max_bytes)
    except OSError as error:
        raise _refusal(error) from None
    finally:
        os.close(handle)


class InsideReader:
    """`read_inside` for many files of one root, each folder's real path worked out once.

    A repository's files lie in a few folders; following every link of every
    file's path again (what `os.path.realpath` does, a system call per
    folder) cost more than reading the file. Here a folder's real path is
    found once, and a file in it is read as `folder/name` when its name is
    not a link itself: looked at without following it (lstat), opened with
    O_NOFOLLOW where the system has it, and checked on the open handle as
    `read_inside` checks it. Anything else (a link, a name that is not a
    plain name, any error) goes through `read_inside` itself, which decides
    and says why: the answer, and the refusal, are the same either way.

    Make one per run over a root: folders are not looked at again, so a
    reader kept for long would trust what may since have changed.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._real_root = _real_root(os.path.abspath(root))
        # Each folder's real path, and whether it lies inside the root.
        self._folders: dict[str, tuple[str, bool] | None] = {}
        self.bytes_read = 0  # by every read so far

    def read(self, path: Path, *, max_bytes: int) -> bytes:
        """The bytes of `path`, exactly as `read_inside(root, path, max_bytes=…)` gives them."""
        data = self._read_plain_file(path, max_bytes)
        if data is None:
            data = read_inside(self.root, path, max_bytes=max_bytes)
        self.bytes_read += len(data)
        return data

    def _read_plain_file(self, path: Path, max_bytes: int) -> bytes | None:
        candidate = self._plain_candidate(path)
        if candidate is None:
            return None
        try:
            info = os.lstat(candidate)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        _check(info, max_bytes)
        return _read_regular(candidate, max_bytes)

    def _plain_candidate(self, path: Path) -> str | None:
        """Where `path` really is if its last part is no link: its folder's real path and name.

        None when that cannot be told this way (the caller then asks `read_inside`).
        """
        written = os.fspath(path)
        folder, name = os.path.split(written)
        if name in ("", ".", ".."):
            return None
        if folder not in self._folders:
            try:
                real = os.path.realpath(folder or os.curdir, strict=True)
            except OSError:
                self._folders[folder] = None
            else:
                self._folders[folder] = (real, _inside(real, self._real_root))
        known = self._folders[folder]
        if known is None:
            return None
        real_folder, folder_inside = known
        candidate = os.path.join(real_folder, name)
        if folder_inside and _plain_name(name):
            return candidate  # in a folder inside the root, as a name of its own: inside
        return candidate if _inside(candidate, self._real_root) else None


def _plain_name(name: str) -> bool:
    """Whether `name` joined to a folder stays in that folder: no separator, drive or `..`."""
    return (
        name not in ("", ".", "..")
        and os.sep not in name
        and (os.altsep is None or os.altsep not in name)
        and ":" not in name
    )


def _read_regular(candidate: str, max_bytes: int) -> bytes | None:
    """A file looked at as regular and inside, read without following a link; None to ask again.

    An open that fails (the name became a link, or vanished) is answered by
    `read_inside`, with its own reason.
    """
    try:
        handle = os.open(candidate, _OPEN_FLAGS)
    except OSError:
        return None
    try:
        _check(os.fstat(handle), max_bytes)  # what was opened, not what was looked at
        return _read_at_most(handle, max_bytes)
    except OSError as error:
        raise _refusal(error) from None
    finally:
        os.close(handle)


def leads_inside(root: Path, path: Path) -> bool:
    """Whether `path`, every symbolic link followed, is inside `root` (False if it is nowhere)."""
    try:
        return _inside(_real_path(path), _real_root(os.path.abspath(root)))
    except Refused:
        return False


@lru_cache(maxsize=256)
def _real_root(root: str) -> str:
    """The root's real path, worked out once: every file of a repository asks for it.

    Should the root be swapped for a link later, files resolve elsewhere and
    are refused, never the other way round.
    """
    return os.path.normcase(os.path.realpath(root))


def _real_path(path: Path) -> str:
    try:
        return os.path.realpath(path, strict=True)
    except OSError as error:
        raise _refusal(error) from None


def _inside(real: str, root: str) -> bool:
    real = os.path.normcase(real)
    try:
        return os.path.commonpath([real, root]) == root
    except ValueError:  # different drives on Windows
        return False


def _check(info: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise Refused(_not_a_file(info.st_mode))
    if info.st_size > max_bytes:
        raise Refused("load-refused-too-large", size=info.st_size, limit=max_bytes)


def _read_at_most(handle: int, max_bytes: int) -> bytes:
    """Read to the end, but never more than one byte past `max_bytes` (a file may grow)."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = os.read(handle, min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise Refused("load-refused-too-large", size=size, limit=max_bytes)


def _not_a_file(mode: int) -> str:
    """The message that says what a path is instead of a regular file."""
    if stat.S_ISDIR(mode):
        return "load-refused-folder"
    if stat.S_ISFIFO(mode):
        return "load-refused-fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "load-refused-device"
    if stat.S_ISSOCK(mode):
        return "load-refused-socket"
    return "load-refused-special"


def _refusal(error: OSError) -> Refused:
    number = error.errno
    if number == errno.ELOOP:
        return Refused("load-refused-link-loop")
    if number in (errno.ENOENT, errno.ENOTDIR):
        return Refused("load-refused-missing")
    if number in (errno.EACCES, errno.EPERM):
        return Refused("load-refused-permission")
    if number == errno.EISDIR:
        return Refused("load-refused-folder")
    if number in (errno.ENXIO, errno.EAGAIN, errno.EWOULDBLOCK):
        return Refused("load-refused-special")
    if number == errno.ENAMETOOLONG:  # a path given on the command line, or nested deep
        return Refused("load-refused-name-too-long")
    if number in (errno.EINVAL, getattr(errno, "EILSEQ", errno.EINVAL)):  # a name it refuses
        return Refused("load-refused-bad-name")
    code = errno.errorcode.get(number, str(number)) if number is not None else "?"
    return Refused("load-refused-os-error", code=code)
