"""Which files of an output folder styr wrote, so that replacing the folder keeps the user's own.

A folder that `files_many.replace_folder` writes holds a marker file listing
every file styr wrote there, one path a line after the first line ("styr").
Anything else in the folder the user put there (a `CNAME` for GitHub Pages, a
`robots.txt`): it is copied into the new folder unchanged, never deleted. A
file of the user's where the new output writes one of its own is a clash, and
nothing is replaced (`UsageError`, exit 2).

A marker holding only its first line comes from before the list was kept; the
folder's files are then all taken as styr's, as they were then.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath

from styr.errors import UsageError

_FIRST_LINE = "styr"
# A marker is a list of page names; anything far larger is not one styr wrote.
_MARKER_LIMIT = 64 * 1024 * 1024


def marker_bytes(files: list[str]) -> bytes:
    """The marker's contents: its first line, then every file written, sorted."""
    return "\n".join([_FIRST_LINE, *sorted(files)]).encode("utf-8") + b"\n"


def files_below(folder: Path, marker: str) -> list[str]:
    """Every file below `folder` (a link as a file, never followed), relative; not the marker."""
    found = []
    for current, folders, files in os.walk(folder):
        here = Path(current)
        links = [name for name in folders if (here / name).is_symlink()]
        for name in [*files, *links]:
            relative = (here / name).relative_to(folder).as_posix()
            if relative != marker:
                found.append(relative)
    return sorted(found)


def users_files(destination: Path, marker: str) -> list[str]:
    """The files in an earlier output that styr did not write (none for a legacy marker)."""
    written = _listed(destination / marker)
    if written is None:
        return []
    return [file for file in files_below(destination, marker) if file not in written]


def _listed(marker: Path) -> set[str] | None:
    """The files the marker lists; None when there is no list (or no readable marker)."""
    try:
        if marker.stat().st_size > _MARKER_LIMIT:
            return None
        lines = marker.read_bytes().decode("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not lines or lines[0] != _FIRST_LINE or len(lines) == 1:
        return None
    return {line for line in lines[1:] if line}


def keep_users_files(destination: Path, staging: Path, files: list[str], kind: str) -> None:
    """Copy the user's `files` from the old folder into the new; refuse any the new one writes."""
    clashes = [file for file in files if _taken(staging, file)]
    if clashes:
        raise UsageError(
            f"{kind}-output-own-files-clash",
            path=str(destination),
            files=", ".join(clashes),
        )
    for file in files:
        source, target = destination / file, staging / file
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            os.symlink(os.readlink(source), target)
        else:
            shutil.copy2(source, target)


def _taken(staging: Path, file: str) -> bool:
    """Whether the new folder has a file at `file`, or a file where one of its folders goes."""
    parts = PurePosixPath(file).parts
    for depth in range(1, len(parts) + 1):
        path = staging.joinpath(*parts[:depth])
        if not os.path.lexists(path):
            return False
        if depth < len(parts) and path.is_dir() and not path.is_symlink():
            continue
        return True
    return True
