"""Worker processes: results in order, and the parent's own work while it waits."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
from filled import init_filled

from styr.lint import lint_paths
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


def _compiled_before_the_work(_: str) -> bool:
    from styr.schema_validators import fast_validator as _fast_validator

    return _fast_validator.cache_info().currsize > 0


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="only forked workers inherit"
)
def test_forked_workers_inherit_the_compiled_validators(tmp_path: Path) -> None:
    from styr.schema_validators import fast_validator as _fast_validator

    _fast_validator.cache_clear()
    for number in range(8):
        init_filled(tmp_path / "alla" / f"k{number}", "blank", f"K{number}", f"03{number:02d}")
    lint_paths([tmp_path / "alla"], jobs=2)  # prepares this process, then forks
    inherited = list(map_in_processes(_compiled_before_the_work, [("x",)] * 2, 2))
    assert inherited == [True, True]
