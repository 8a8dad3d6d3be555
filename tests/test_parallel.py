"""Worker processes: results in order, and the parent's own work while it waits."""

from __future__ import annotations

import os

from styr.parallel import map_in_processes


def _square_and_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def test_results_come_back_in_order_from_worker_processes() -> None:
    waited: list[int] = []
    results = list(
        map_in_processes(
            _square_and_pid, [(n,) for n in range(20)], 2, lambda: waited.append(os.getpid())
        )
    )
    assert [square for square, _ in results] == [n * n for n in range(20)]
    assert os.getpid() not in {pid for _, pid in results}  # the work ran elsewhere
    assert waited == [os.getpid()]  # once, in this process
