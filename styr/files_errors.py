"""Why writing failed, in the reader's words: an `OSError` turned into a usage error.

The writers raise plain `OSError` below their public functions; this module
is the one place that maps an errno to the message key the CLI shows, so that
a planner reads "the disk is full" rather than "[Errno 28]".
"""

from __future__ import annotations

import errno
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
    return UsageError(key, path=str(path))
