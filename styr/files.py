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
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UsageError("cannot-write", path=str(path), reason=error.strerror or error) from None
