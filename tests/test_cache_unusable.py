"""The schema's verdict of what no code can read travels in the lint cache's entry.

A report published with `--allow-errors` leaves out what no code could read
(`styr.model.readable`). A report answered from the cache takes that verdict
from the entry the lint signed, instead of checking every file against the
schema again; an entry whose verdict is of the wrong shape is a miss, and the
report is exactly the one made without the cache.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import CliResult
from helpers import replace_in

import styr.lint
import styr.model.readable
from styr.cache import LintCache, open_cache, partial_suffix
from styr.lint import lint_paths, load_and_lint, to_cache_entry
from styr.model.repository import read_repository_files

TODAY = date(2026, 6, 1)
BOARD = Path("organisation") / "ab-helsingborgshem.yaml"
Run = Callable[..., CliResult]


@pytest.fixture
def misshapen(example_copy: Callable[[str], Path]) -> Path:
    """Helsingborg with one indicator's `better` written as a list: a value no code can read."""
    root = example_copy("helsingborg")
    replace_in(root / BOARD, "better: lower", "better: [lower]")
    return root


def _cache(tmp_path: Path) -> LintCache:
    cache = open_cache(tmp_path / "cache")
    assert cache is not None
    return cache


def _no_second_check(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*arguments: Any) -> None:
        raise AssertionError("a file was checked against the schema again")

    monkeypatch.setattr(styr.model.readable, "_unusable", refuse)


def test_the_entry_holds_the_schemas_verdict(misshapen: Path) -> None:
    entry = to_cache_entry(lint_paths([misshapen], today=TODAY).results[0])
    [(name, paths)] = entry["unusable"].items()
    assert name == BOARD.as_posix()
    assert paths and all(path[-1] == "better" for path in paths)


def test_a_clean_repository_has_an_empty_verdict(example_copy: Callable[[str], Path]) -> None:
    root = example_copy("helsingborg")
    assert to_cache_entry(lint_paths([root], today=TODAY).results[0])["unusable"] == {}


def test_a_hit_gives_the_repository_the_renderings_read_without_checking_again(
    misshapen: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh, _ = load_and_lint(misshapen, TODAY)
    cache = _cache(tmp_path)
    lint_paths([misshapen], today=TODAY, cache=cache)  # the whole entry, as `styr lint` leaves
    _no_second_check(monkeypatch)
    cached, result = load_and_lint(misshapen, TODAY, cache)
    assert cached == fresh
    assert result.findings == lint_paths([misshapen], today=TODAY).results[0].findings


def test_a_partial_entry_carries_the_verdict_too(
    misshapen: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    only = frozenset({"X003"})
    fresh, _ = load_and_lint(misshapen, TODAY, only=only)
    cache = _cache(tmp_path)
    load_and_lint(misshapen, TODAY, cache, only=only)  # the partial entry written
    key = cache.key(misshapen, read_repository_files(misshapen), TODAY)
    assert cache.load(key) is None and cache.load(key, partial_suffix(only)) is not None
    _no_second_check(monkeypatch)
    cached, _ = load_and_lint(misshapen, TODAY, cache, only=only)
    assert cached == fresh


WRONG_VERDICTS: list[Any] = [
    None,
    [],
    "x",
    {"annan.yaml": [["goals"]]},  # no file of the repository
    {BOARD.as_posix(): []},  # a file named with nothing in it
    {BOARD.as_posix(): "goals"},
    {BOARD.as_posix(): [None]},
    {BOARD.as_posix(): ["goals"]},
    {BOARD.as_posix(): [[1.5]]},
    {BOARD.as_posix(): [[True]]},
    {BOARD.as_posix(): [[None]]},
]


@pytest.mark.parametrize("verdict", WRONG_VERDICTS)
def test_a_wrong_shaped_verdict_is_a_miss_and_the_report_is_the_uncached_one(
    misshapen: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, verdict: Any
) -> None:
    # The entry itself is read each time, not the stat index's copy of it.
    monkeypatch.setattr(styr.lint, "store_index", lambda *arguments: None)
    fresh, _ = load_and_lint(misshapen, TODAY)
    cache = _cache(tmp_path)
    key = cache.key(misshapen, read_repository_files(misshapen), TODAY)
    good = to_cache_entry(lint_paths([misshapen], today=TODAY).results[0])
    cache.store(key, {**good, "unusable": verdict})  # signed: only the shape is wrong
    cached, _ = load_and_lint(misshapen, TODAY, cache)
    assert cached == fresh
    assert cache.load(key) == good  # rebuilt


def test_a_report_from_the_cache_is_the_uncached_report(run_cli: Run, misshapen: Path) -> None:
    arguments = ("report", misshapen, "-f", "md", "-o", "-", "--allow-errors")
    uncached = run_cli(*arguments)  # the cache empty: linted afresh
    assert run_cli("lint", misshapen).code == 1  # the whole entry written, with its verdict
    cached = run_cli(*arguments)
    assert (cached.code, cached.out) == (uncached.code, uncached.out)
    assert uncached.code == 0
