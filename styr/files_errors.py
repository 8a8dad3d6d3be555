"""Why writing failed, in the reader's words: an `OSError` turned into a usage error.

The writers raise plain `OSError` below their public functions; this module
is the one place that maps an errno to the message key the CLI shows, so that
a planner reads "the disk is full" rather than "[Errno 28]".

It also says when an `OSError` raised anywhere else is about a name the user
gave (a path too long, a loop of links, a file where a folder should be, a
name the file system refuses): such an error is the user's to correct, not a
fault of styr, whichever command looked at the path (`name_error`).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from styr.errors import UsageError

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
        ("EINVAL", "files-bad-name"),  # a name the file system does not take (a vfat ':')
        ("EILSEQ", "files-bad-name"),  # a name not in the file system's encoding
    )
    if hasattr(errno, name)
}

# errno → the message key for a path that cannot be used at all, whether to read or to
# write: what is wrong is the name, and only the person who gave it can put it right.
_NAME_REASONS = {
    getattr(errno, name): key
    for name, key in (
        ("ENAMETOOLONG", "path-name-too-long"),
        ("ELOOP", "path-link-loop"),
        ("ENOTDIR", "path-not-a-folder"),
        ("EINVAL", "path-bad-name"),
        ("EILSEQ", "path-bad-name"),
    )
    if hasattr(errno, name)
}


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
    if key == "files-not-a-folder" and _through_a_loop(path):
        key = "files-link-loop"
    return UsageError(key, path=str(path))


def _through_a_loop(path: Path) -> bool:
    """Whether `path` leads through a loop of symbolic links.

    A link that points at itself (`ln -s loop loop`) is not a folder to
    `mkdir` (EEXIST) nor to `rename` (ENOTDIR), so the system's error calls it
    a file in the way; following the path shows what it is.
    """
    try:
        os.stat(path)
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


def name_error(error: OSError) -> UsageError | None:
    """The usage error for an `OSError` about a path's name, wherever it was raised; else None.

    Every command looks at the paths it is given (`Path.exists()`, `is_dir()`)
    before the reader or the writer sees them, and those checks raise for a
    name the system cannot take. Deciding it here, once, keeps every command,
    and any check added later, from ending such a run in an internal error.
    Only an error that names its path counts: one without is no user's name.
    """
    key = _NAME_REASONS.get(error.errno or 0)
    if key is None or error.filename is None:
        return None
    return UsageError(key, path=os.fsdecode(error.filename))
