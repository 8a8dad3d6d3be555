"""Two processes check the stat index of many repositories, and the answer is the same as one's."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from filled import init_filled as init_repository
from helpers import replace_in

from styr import cache_split
from styr.cache import LintCache, open_cache
from styr.cache_index import indexed_key
from styr.cache_split import indexed_keys
from styr.lint import lint_paths
from styr.model.repository import MANIFEST, find_repositories, repository_names

TODAY = date(2026, 6, 1)
LINUX_ONLY = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")


@pytest.fixture
def cache(tmp_path: Path) -> LintCache:
    opened = open_cache(tmp_path / "cache")
    assert opened is not None
    return opened


@pytest.fixture
def roots(tmp_path: Path, cache: LintCache, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Seven repositories linted once (and indexed); two of them changed since."""
    for number in range(7):
        init_repository(tmp_path / "alla" / f"k{number}", "blank", f"K{number}", f"099{number}")
    with monkeypatch.context() as patch:  # as if written long ago: every one is indexed
        patch.setattr("styr.lint.now_ns", lambda: time.time_ns() + 10_000_000_000)
        lint_paths([tmp_path / "alla"], today=TODAY, cache=cache)
    replace_in(tmp_path / "alla" / "k2" / "program.yaml", "[vision]", "[visionen]")
    (tmp_path / "alla" / "k5" / "ny.yaml").write_text("kind: [\n", encoding="utf-8")
    monkeypatch.setattr(cache_split, "SPLIT_FROM", 2)
    return find_repositories([tmp_path / "alla"])


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The pids of the children this process forks."""
    children: list[int] = []
    real = os.fork

    def counted() -> int:
        pid = real()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted)
    yield children


def _names(root: Path) -> list[str]:
    return [MANIFEST, *repository_names(root)]


def _keys(cache: LintCache, roots: list[Path], jobs: int) -> list[str | None]:
    return list(indexed_keys(cache, roots, cache.contexts(TODAY), _names, jobs))


@LINUX_ONLY
def test_two_processes_give_the_keys_one_gives(
    cache: LintCache, roots: list[Path], forks: list[int]
) -> None:
    alone = _keys(cache, roots, 1)
    assert forks == []
    assert _keys(cache, roots, 2) == alone
    assert len(forks) == 1
    assert [key is None for key in alone] == [root.name in ("k2", "k5") for root in roots]


def _in_the_child_only(answer: Callable[..., Any]) -> Callable[..., Any]:
    parent = os.getpid()
    real = indexed_key

    def patched(*arguments: Any) -> Any:
        return answer(*arguments) if os.getpid() != parent else real(*arguments)

    return patched


def _fail(*arguments: Any) -> Any:
    raise RuntimeError("the child fails")


def _wrong(*arguments: Any) -> Any:
    return "../../etc/passwd"


def _nothing_indexed(*arguments: Any) -> Any:
    return None


@LINUX_ONLY
@pytest.mark.parametrize("child_answer", [_fail, _wrong, _nothing_indexed])
def test_a_child_that_fails_or_answers_wrong_changes_nothing(
    cache: LintCache,
    roots: list[Path],
    forks: list[int],
    monkeypatch: pytest.MonkeyPatch,
    child_answer: Callable[..., Any],
) -> None:
    alone = _keys(cache, roots, 1)
    monkeypatch.setattr(cache_split, "indexed_key", _in_the_child_only(child_answer))
    share = round(len(roots) * cache_split.OWN_SHARE)  # the first ones are checked here
    if child_answer is _nothing_indexed:
        # Believed, as a miss is always safe: those repositories are read and hashed.
        assert _keys(cache, roots, 2) == alone[:share] + [None] * (len(roots) - share)
    else:
        assert _keys(cache, roots, 2) == alone  # not believed: checked here again
    assert len(forks) == 1


@LINUX_ONLY
def test_no_fork_while_another_thread_runs(
    cache: LintCache, roots: list[Path], forks: list[int]
) -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        alone = _keys(cache, roots, 2)
    finally:
        stop.set()
        other.join()
    assert forks == []
    assert alone == _keys(cache, roots, 1)


@LINUX_ONLY
def test_a_warm_lint_of_many_repositories_is_the_lint_of_one_process(
    cache: LintCache, roots: list[Path], forks: list[int]
) -> None:
    split = lint_paths(roots, today=TODAY, cache=cache, jobs=2)
    assert len(forks) >= 1
    fresh = lint_paths(roots, today=TODAY)
    assert (
        [(f.code, f.file, f.line) for f in split.findings]
        == [(f.code, f.file, f.line) for f in fresh.findings]
        != []
    )


@LINUX_ONLY
def test_a_caller_that_stops_early_leaves_no_child_behind(
    cache: LintCache, roots: list[Path], forks: list[int]
) -> None:
    keys = indexed_keys(cache, roots, cache.contexts(TODAY), _names, 2)
    next(keys)
    keys.close()
    (child,) = forks
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # already ended and reaped
