"""The stat index of many repositories, checked by two processes where that is cheap.

A run where nothing changed does little but walk each repository and stat
each of its files (`styr.cache_index`): system calls, one core busy and the
other idle. With many repositories and `jobs` above one, on Linux, a forked
child checks the greater share of them while this process checks the rest,
and sends back their cache keys alone (the keys, not the entries: this
process reads and checks every entry itself, as without a child).

A fork costs a millisecond or two, so it is only done for many repositories,
and only where forking is safe: Linux, and no other thread running. A child
that fails in any way, or answers anything but one key or None per
repository, is not believed: this process checks that half too, so the
answer is the same either way.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import signal
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from functools import partial
from pathlib import Path

from styr.cache import LintCache
from styr.cache_index import indexed_key

Key = str | None

# Below this many repositories the fork costs about what the second core saves.
SPLIT_FROM = 64
# This process's share of the repositories: less than half, since it also reads
# and checks every entry once the keys are known (its own while the child works).
OWN_SHARE = 0.4
_KEY = re.compile(r"[0-9a-f]{40}")


def indexed_keys(
    cache: LintCache,
    roots: Sequence[Path],
    context: Callable[[Path], str],
    names: Callable[[Path], list[str]],
    jobs: int,
) -> Generator[Key, None, None]:
    """`indexed_key` of each repository, in order, as each is known (see the module's text).

    The keys of this process's share come first, so that the caller reads
    their entries while the child still works on the rest.
    """

    def keys(part: Sequence[Path]) -> Iterator[Key]:
        return (indexed_key(cache, root, context, partial(names, root)) for root in part)

    if jobs < 2 or len(roots) < SPLIT_FROM or not _may_fork():
        yield from keys(roots)
        return
    share = round(len(roots) * OWN_SHARE)
    child = _start(lambda: list(keys(roots[share:])))
    if child is None:
        yield from keys(roots)
        return
    collected = False
    try:
        yield from keys(roots[:share])
        theirs, collected = _collect(child, len(roots) - share), True
    finally:
        if not collected:  # interrupted, or the caller stopped early
            _stop(child)
    yield from theirs if theirs is not None else keys(roots[share:])


def _may_fork() -> bool:
    """Linux, and this process has no thread but the main one (a fork copies only that one)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    threading = sys.modules.get("threading")  # not imported: no thread was started with it
    return threading is None or threading.active_count() == 1


def _start(work: Callable[[], list[Key]]) -> tuple[int, int] | None:
    """A forked child doing `work` and writing its keys to a pipe: (its pid, the pipe's end)."""
    try:
        reading, writing = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:  # the child: answer, and leave without running anything of the parent's
        status = 1
        try:
            gc.disable()  # short-lived: a collection would only copy the parent's pages
            os.close(reading)
            payload = memoryview(json.dumps(work()).encode())
            while payload:
                payload = payload[os.write(writing, payload) :]
            status = 0
        finally:
            os._exit(status)
    os.close(writing)
    return pid, reading


def _collect(child: tuple[int, int], count: int) -> list[Key] | None:
    """The child's keys, if it finished well and gave one key or None for each repository."""
    pid, reading = child
    chunks = []
    try:
        while chunk := os.read(reading, 1 << 16):
            chunks.append(chunk)
    except OSError:
        _stop(child)
        return None
    os.close(reading)
    _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:
        keys = json.loads(b"".join(chunks))
    except ValueError:
        return None
    if not isinstance(keys, list) or len(keys) != count:
        return None
    checked: list[Key] = [key for key in keys if key is None or _is_key(key)]
    return checked if len(checked) == count else None


def _is_key(key: object) -> bool:
    return isinstance(key, str) and _KEY.fullmatch(key) is not None


def _stop(child: tuple[int, int]) -> None:
    """End the child and close its pipe (this process was interrupted, or the pipe failed)."""
    pid, reading = child
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with contextlib.suppress(OSError):
        os.close(reading)
