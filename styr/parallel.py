"""One function over many repositories, in worker processes."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Result = TypeVar("Result")

# Repositories take tens of milliseconds each; handing them out a few at a
# time keeps both cores busy to the end instead of leaving one with a long
# tail, with few enough hand-overs that their cost does not show.
_CHUNK = 8


def map_in_processes(
    function: Callable[..., Result],
    arguments: Sequence[tuple[Any, ...]],
    jobs: int,
    while_waiting: Callable[[], object] | None = None,
    chunk: int = _CHUNK,
) -> Iterator[Result]:
    """`function(*a)` for each `a` in `arguments`, in order, computed by `jobs` processes.

    `while_waiting` runs in this process once the work is handed out: the
    parent has nothing else to do until the first results come back. `chunk`
    is how many are handed out at a time (fewer where each takes longer).
    """
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_prepare_worker) as pool:
        results = pool.map(_call, [function] * len(arguments), arguments, chunksize=chunk)
        if while_waiting is not None:
            while_waiting()
        yield from results


def _call(function: Callable[..., Result], arguments: tuple[Any, ...]) -> Result:
    return function(*arguments)


def _prepare_worker() -> None:
    # What the worker inherited is long-lived: keep the collector from walking
    # it again and again, and let it run less often while files are loaded
    # (they hold no reference cycles worth hunting for every 700 allocations).
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
