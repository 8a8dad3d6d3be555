"""Writing files safely: never half-written, never over what the user wrote unasked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from styr.errors import UsageError


def write_atomic(path: Path, text: str, *, overwrite: bool = True) -> None:
    """Write through a temporary file in the same folder, then move it into place.

    A reader (or a crash) never sees half a file; with `overwrite=False` an
    existing file with other contents is left alone and reported.
    """
    if not overwrite and path.exists():
        if path.read_text(encoding="utf-8", errors="replace") == text:
            return
        raise UsageError("file-exists", path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UsageError("cannot-write", path=str(path), reason=error.strerror or error) from None


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; give a new one what the umask allows.

    A temporary file is private (0600) by design; a report is meant to be read.
    """
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
