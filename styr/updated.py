"""When a repository's content last changed: the date of its last git commit.

A page says "Senast uppdaterad" with this date, never the time it was built,
and an exported workbook carries it as the time it was made, so that the same
content gives the same bytes (`content_date` is that one decision). Without git, outside a git
work tree, or when git does not answer in time, there is no date, and no error.
"""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from pathlib import Path

GIT_TIMEOUT_SECONDS = 10
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def content_date(repositories: list[Path], given: date | None = None) -> date | None:
    """When the content of `repositories` last changed, as what styr publishes says it:
    `given` (a `--date`) wins, else the newest of their last commits' dates, else None."""
    if given is not None:
        return given
    days = [day for root in repositories if (day := last_commit_date(root)) is not None]
    return max(days, default=None)


def last_commit_date(repository: Path) -> date | None:
    """The committer date of the last commit that touched the folder, or None."""
    folder = Path(repository).resolve()
    if not folder.is_dir():
        return None
    # A list of arguments and no shell: the folder's name is never a command.
    # `core.fsmonitor` off: a checkout's own configuration must not start a
    # program of its choosing for what is a read.
    command = [
        "git",
        "--no-pager",
        "-c",
        "core.fsmonitor=false",
        "log",
        "-1",
        "--format=%cs",
        "--",
        ".",
    ]
    try:
        answer = subprocess.run(
            command,
            cwd=folder,
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None  # no git, or it did not answer in time
    shown = answer.stdout.decode("ascii", "replace").strip()
    if answer.returncode != 0 or _DAY.fullmatch(shown) is None:
        return None  # not in a git work tree, or nothing committed yet
    try:
        return date.fromisoformat(shown)
    except ValueError:
        return None
