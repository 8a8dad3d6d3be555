"""Giving back to the system the memory that the files' bytes and texts took, once let go.

A file's bytes and its text are large blocks (tens of kilobytes each) that
the C library's allocator places among the blocks of the values read from
them. Let go after the lint, they leave holes that the allocator keeps for
itself: the many small objects made afterwards (a report's index and views)
come from Python's own arenas and never fill them. For 100,000 goals that
is about 170 MB held for nothing while the page is written. glibc's
`malloc_trim` hands the free pages of those holes back; nothing in the
process changes but its resident size. Elsewhere (another C library, Windows,
macOS) nothing is done.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache


def return_freed_memory() -> bool:
    """Hand the allocator's free pages back to the system; whether it could be asked."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        library = ctypes.CDLL(None)
    except OSError:  # pragma: no cover - no C library to ask
        return None
    trim = getattr(library, "malloc_trim", None)  # glibc's; musl has none
    if trim is None:  # pragma: no cover
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim  # type: ignore[no-any-return]
