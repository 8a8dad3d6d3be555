"""Checks that need an ordinary user, run for real even where the tests run as root.

Root may read and write every file, so a test of "you may not read this" or
"this folder is read-only" proves nothing as root, and CI runs as root. The
check runs instead in a forked child that first gives up root's rights (the
user and group `nobody`); its result comes back through a pipe. Forking, not
starting a new interpreter: the interpreter itself may lie where `nobody`
may not read (a home folder).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

NOBODY = 65534
can_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="the system cannot fork (Windows)")


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@contextmanager
def folder_for_nobody() -> Iterator[Path]:
    """A new folder that `nobody` owns and can reach (pytest's own are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="styr-test-"))
    try:
        folder.chmod(0o755)
        if _is_root():
            os.chown(folder, NOBODY, NOBODY)
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)  # so that it can be removed
        shutil.rmtree(folder)


def as_unprivileged(check: Callable[[], str]) -> str:
    """What `check` returns, run in a child process as `nobody` (as ourselves when not root).

    An exception in the child comes back as '!Name: text', so that a failing
    check fails the test with its reason instead of hanging or vanishing.
    """
    read, write = os.pipe()
    with warnings.catch_warnings():
        # Python warns that forking a process with threads may deadlock; the
        # child only runs `check` and leaves with os._exit.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child
        status = 0
        try:
            os.close(read)
            if _is_root():
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            result = check()
        except BaseException as error:  # everything goes back to the parent
            result, status = f"!{type(error).__name__}: {error}", 1
        try:
            os.write(write, result.encode("utf-8", errors="replace"))
        finally:
            os._exit(status)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        answer = pipe.read().decode("utf-8")
    os.waitpid(pid, 0)
    return answer
