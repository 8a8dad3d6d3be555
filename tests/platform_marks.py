"""Marks for tests that need what only some systems give: POSIX files, symbolic links."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

needs_posix = pytest.mark.skipif(
    sys.platform == "win32", reason="FIFOs, devices, links and chmod: POSIX"
)


def _can_link() -> bool:
    """Windows makes symbolic links only in developer mode or as administrator."""
    with tempfile.TemporaryDirectory() as folder:
        try:
            (Path(folder) / "link").symlink_to(folder, target_is_directory=True)
        except OSError:
            return False
    return True


needs_symlinks = pytest.mark.skipif(not _can_link(), reason="this system makes no symbolic links")
