"""The stat index: a run where nothing changed reads no file, and any change is read again."""

from __future__ import annotations

import builtins
import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from filled import init_filled as init_repository
from helpers import replace_in

from styr.cache import INDEX_SUFFIX, LintCache, open_cache
from styr.cache_index import _index_name, _stamps_digest, index_value, take_stamps
from styr.lint import lint_paths
from styr.model.repository import MANIFEST, repository_names

TODAY = date(2026, 6, 1)


def _summary(paths: list[Path], cache: LintCache | None = None) -> list[tuple[str, str, int]]:
    result = lint_paths(paths, today=TODAY, cache=cache)
    return [(f.code, f.file.name if f.file else "", f.line) for f in result.findings]


@pytest.fixture
def cache(tmp_path: Path) -> LintCache:
    opened = open_cache(tmp_path / "cache")
    assert opened is not None
    return opened


@pytest.fixture
def read_later(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if every file were read ten seconds after it was last written: none is racy."""
    monkeypatch.setattr("styr.lint.now_ns", lambda: time.time_ns() + 10_000_000_000)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A repository with an error (C001: a reference to something that is not there)."""
    root = tmp_path / "trasig"
    init_repository(root, "blank", "Trasig", "0998")
    replace_in(root / "program.yaml", "[vision]", "[visionen]")
    return root


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a YAML file fails the test, whichever way the loader opens it."""

    def refuse_yaml(opener: Callable[..., Any]) -> Callable[..., Any]:
        def guarded(path: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(path, (str, bytes, os.PathLike)) and os.fsdecode(path).endswith(
                (".yaml", ".yml")
            ):
                raise AssertionError(f"{path!r} was read")
            return opener(path, *args, **kwargs)

        return guarded

    monkeypatch.setattr(os, "open", refuse_yaml(os.open))
    monkeypatch.setattr(builtins, "open", refuse_yaml(builtins.open))


@pytest.mark.usefixtures("read_later")
def test_a_warm_run_reads_no_file_and_gives_the_same_findings(
    broken: Path, cache: LintCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = _summary([broken], cache)
    assert len(list(cache.folder.glob(f"*{INDEX_SUFFIX}"))) == 1
    with monkeypatch.context() as patch:
        _no_reading(patch)
        assert _summary([broken], cache) == cold != []


@pytest.mark.skipif(os.name == "nt", reason="Windows gives no change time (st_ctime is creation)")
@pytest.mark.usefixtures("read_later")
def test_a_rewrite_that_keeps_size_and_modification_time_is_linted_again(
    tmp_path: Path, cache: LintCache
) -> None:
    root = tmp_path / "hel"
    init_repository(root, "blank", "Hel", "0997")
    assert _summary([root], cache) == []
    program = root / "program.yaml"
    before = os.stat(program)
    replace_in(program, "[vision]", "[visiox]")  # the same length: an unknown reference
    os.utime(program, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(program)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert _summary([root], cache) == _summary([root]) != []


@pytest.mark.usefixtures("read_later")
def test_a_new_file_is_read(broken: Path, cache: LintCache) -> None:
    _summary([broken], cache)
    (broken / "organisation" / "ny.yaml").write_text("kind: [\n", encoding="utf-8")
    assert _summary([broken], cache) == _summary([broken])


def test_files_written_just_before_the_read_are_not_indexed(
    broken: Path, cache: LintCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Written a moment ago, in the same tick of the clock as the read perhaps:
    # a change now might leave no new stamp (git's racy files), so no index.
    _summary([broken], cache)
    assert list(cache.folder.glob(f"*{INDEX_SUFFIX}")) == []
    monkeypatch.setattr("styr.lint.now_ns", lambda: time.time_ns() + 10_000_000_000)
    _summary([broken], cache)
    assert len(list(cache.folder.glob(f"*{INDEX_SUFFIX}"))) == 1


def test_an_index_someone_else_signed_is_ignored(
    broken: Path, tmp_path: Path, cache: LintCache
) -> None:
    clean = tmp_path / "hel"
    init_repository(clean, "blank", "Hel", "0997")
    _summary([clean], cache)  # a genuine entry, for a clean repository
    (entry,) = cache.folder.glob("*.json")
    stranger = LintCache(cache.folder, b"s" * 32)  # the same folder, someone else's secret
    stamps = take_stamps(broken, [MANIFEST, *repository_names(broken)])
    assert stamps is not None
    # Gives the broken repository the clean one's key and entry (its result).
    planted = index_value(cache.context(broken, TODAY), entry.stem, cache.load(entry.stem), stamps)
    stranger.store(_index_name(broken), planted, INDEX_SUFFIX)
    assert _summary([broken], cache) == _summary([broken]) != []


def test_an_index_is_not_taken_for_an_entry(broken: Path, cache: LintCache) -> None:
    # Signed with the right secret, but stored as an index: the suffix is signed too.
    cache.store("0" * 40, {"findings": []}, INDEX_SUFFIX)
    (cache.folder / f"{'0' * 40}{INDEX_SUFFIX}").replace(cache.folder / f"{'0' * 40}.json")
    assert cache.load("0" * 40) is None


@pytest.mark.usefixtures("read_later")
def test_a_warm_run_reads_one_cache_file_a_repository(
    broken: Path, cache: LintCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The index holds the entry itself: the result, under the index's signature.
    cold = _summary([broken], cache)
    loads: list[str] = []
    real_load = LintCache.load

    def counted(self: LintCache, key: str, suffix: str = ".json") -> Any:
        loads.append(suffix)
        return real_load(self, key, suffix)

    monkeypatch.setattr(LintCache, "load", counted)
    assert _summary([broken], cache) == cold != []
    assert loads == [INDEX_SUFFIX]


@pytest.mark.usefixtures("read_later")
def test_an_index_whose_entry_is_misshapen_is_a_miss(broken: Path, cache: LintCache) -> None:
    # Signed by this user, but not an entry's shape (older code, say): read again.
    cold = _summary([broken], cache)
    stamps = take_stamps(broken, [MANIFEST, *repository_names(broken)])
    assert stamps is not None
    misshapen = index_value(cache.context(broken, TODAY), "0" * 40, {"findings": []}, stamps)
    cache.store(_index_name(broken), misshapen, INDEX_SUFFIX)
    assert _summary([broken], cache) == cold != []


def test_the_stamps_digest_depends_on_the_stamps_alone() -> None:
    # Equal stamps give one digest however their objects are shared (the walk
    # and the read make them apart), and a lone surrogate in a name is kept.
    name = "".join(["organisation/", "a.yaml"])
    shared = [(name, 1, 2, 3, 4, 5), (name, 1, 2, 3, 4, 5)]
    apart = [("organisation/a.yaml", 1, 2, 3, 4, 5), ("organisation/" + "a.yaml", 1, 2, 3, 4, 5)]
    assert _stamps_digest(shared) == _stamps_digest(apart)
    assert _stamps_digest([("a\udc80", 1, 2, 3, 4, 5)]) != _stamps_digest(
        [("a\udc81", 1, 2, 3, 4, 5)]
    )
    assert _stamps_digest(apart) != _stamps_digest(
        [*apart[:1], ("organisation/a.yaml", 1, 2, 3, 4, 6)]
    )
