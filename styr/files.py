"""Writing files safely: never half-written, never through a link, never over work unasked.

Every file styr writes goes through a temporary file beside its target, named
`.<name>.<random>.styr-tmp` (so that `*.styr-tmp` in a .gitignore keeps a
leftover out of git), written and flushed to disk, then moved into place and
the folder flushed too. On every failure path the temporary file is removed
again; a kill that leaves no chance to clean up leaves only such a file.

The target must be a regular file or not exist yet: a symbolic link, a
folder, a device, a named pipe or a socket is refused rather than replaced
or written through (`-o -` is the way to write to standard output).

This module writes one file (`write_atomic`) and is the writer's one door:
it also exports the shared steps (`styr.files_staging`), the wording of OS
errors (`styr.files_errors`) and the writers of several files at once
(`styr.files_many`), so that callers import from `styr.files` alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from styr.errors import UsageError
from styr.files_errors import usage_error_for, usage_errors
from styr.files_many import write_files, write_tree
from styr.files_staging import (
    BINARY,
    NOFOLLOW,
    NONBLOCK,
    TEMPORARY_SUFFIX,
    discard,
    fsync_folder,
    made_utf8,
    mode_for,
    move_into_place,
    target_kind,
    temporary_name,
    termination_as_exit,
    write_temporary,
)

__all__ = [
    "GITIGNORE_PATTERN",
    "TEMPORARY_SUFFIX",
    "AsRead",
    "discard",
    "fsync_folder",
    "move_into_place",
    "target_kind",
    "temporary_name",
    "usage_error_for",
    "usage_errors",
    "write_atomic",
    "write_files",
    "write_temporary",
    "write_tree",
]

GITIGNORE_PATTERN = f"*{TEMPORARY_SUFFIX}"

# Characters gathered before one write of a text that comes in pieces.
_WRITE_SIZE = 1 << 20


@dataclass(frozen=True)
class AsRead:
    """What a file held when it was read, before a slow step and a write back (None: absent)."""

    data: bytes | None


def write_atomic(
    path: Path,
    text: str | bytes | Iterable[str],
    *,
    overwrite: bool = True,
    unchanged_since: AsRead | None = None,
) -> None:
    """Write `text` (UTF-8, `\\n` line ends; bytes as they are) to `path`, all or nothing.

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
    if not isinstance(text, str | bytes) and not overwrite:
        text = "".join(text)  # compared with what is there: whole, and rare (small files)
    data: bytes | Iterator[bytes] = (
        text
        if isinstance(text, bytes)  # a binary file made whole in memory (a workbook)
        else text.encode("utf-8", errors="replace")
        if isinstance(text, str)
        else _encoded(text)
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
        with termination_as_exit():
            temporary = write_temporary(path, data, mode=mode_for(path))
            if unchanged_since is not None and _on_disk(path) != unchanged_since.data:
                discard(temporary)
                raise UsageError("file-changed-since-read", path=str(path))
            move_into_place(temporary, path)


def _on_disk(path: Path) -> bytes | None:
    """The file's bytes now, read without following a link (None: nothing there)."""
    try:
        handle = os.open(path, os.O_RDONLY | NOFOLLOW | BINARY | NONBLOCK)
    except FileNotFoundError:
        return None
    with os.fdopen(handle, "rb") as file:
        return file.read()


def _encoded(pieces: Iterable[str]) -> Iterator[bytes]:
    """The pieces as UTF-8, gathered into writes of about a megabyte (templates write tiny ones).

    A piece that has its UTF-8 already (`utf8`: a tidied page's batches, checked on those
    bytes) is not encoded again: that was a tenth of the time of writing a large report.
    """
    text: list[str] = []  # not encoded yet
    written: list[bytes] = []
    size = 0
    for piece in pieces:
        utf8 = made_utf8(piece)
        if utf8 is None:
            text.append(piece)
            size += len(piece)
        else:
            if text:
                written.append("".join(text).encode("utf-8", errors="replace"))
                text.clear()
            written.append(utf8)
            size += len(utf8)
        if size >= _WRITE_SIZE:
            written.append("".join(text).encode("utf-8", errors="replace"))
            yield b"".join(written)
            text.clear()
            written.clear()
            size = 0
    written.append("".join(text).encode("utf-8", errors="replace"))
    yield b"".join(written)
