"""The site of many municipalities: how the work is handed out and flushed to disk.

Each worker writes a municipality's pages in a provisional folder, in its
manifest's language, before any other manifest is read; the folders and the
one language are settled when all are back. These tests hold the result to
what reading every manifest first gave.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import styr.files_many as files_many
import styr.site.build as site_build
from styr.files_staging import FlushingBehind
from styr.site import MARKER, build_site


def _files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _in_english(repo: Path) -> Path:
    manifest = repo / "styr.yaml"
    text = manifest.read_text("utf-8")
    assert "\nlanguage: sv\n" in text
    manifest.write_text(text.replace("\nlanguage: sv\n", "\nlanguage: en\n"), "utf-8")
    return repo


def _copies(example_copy: Callable[[str], Path], tmp_path: Path, count: int) -> list[Path]:
    """`count` municipalities (from 4, in worker processes): the two examples, then copies
    of the second."""
    repos = [example_copy("helsingborg"), example_copy("huddinge")]
    for number in range(count - 2):
        repos.append(Path(shutil.copytree(repos[1], tmp_path / f"kopia{number}" / "huddinge")))
    return repos


def test_no_provisional_folder_is_left_and_each_has_its_own(
    example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    repos = _copies(example_copy, tmp_path, 5)
    build_site(repos, tmp_path / "w")
    entries = sorted(entry.name for entry in (tmp_path / "w").iterdir() if entry.is_dir())
    assert entries == ["0126", "0126-2", "0126-3", "0126-4", "1283"]
    hidden = [entry.name for entry in (tmp_path / "w").iterdir() if entry.name.startswith(".")]
    assert hidden == [MARKER]
    listed = (tmp_path / "w" / MARKER).read_text("utf-8").splitlines()[1:]
    assert listed == sorted(_files_of(tmp_path / "w").keys() - {MARKER})
    assert _files_of(tmp_path / "w" / "0126") == _files_of(tmp_path / "w" / "0126-3")


@pytest.mark.parametrize("count", [2, 5])  # one by one, and in worker processes
def test_manifests_that_differ_in_language_give_every_page_in_swedish(
    example_copy: Callable[[str], Path], tmp_path: Path, count: int
) -> None:
    repos = _copies(example_copy, tmp_path, count)
    _in_english(repos[1])
    build_site(repos, tmp_path / "agreed")
    build_site(repos, tmp_path / "told", language="sv")  # no manifest's language is guessed
    assert _files_of(tmp_path / "agreed") == _files_of(tmp_path / "told")
    start = (tmp_path / "agreed" / "0126" / "index.html").read_text("utf-8")
    assert '<html lang="sv">' in start


def test_manifests_that_agree_on_english_give_every_page_in_english(
    example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    repos = [_in_english(repo) for repo in _copies(example_copy, tmp_path, 5)]
    build_site(repos, tmp_path / "agreed")
    build_site(repos, tmp_path / "told", language="en")
    assert _files_of(tmp_path / "agreed") == _files_of(tmp_path / "told")
    assert '<html lang="en">' in (tmp_path / "agreed" / "index.html").read_text("utf-8")


def test_the_pages_are_flushed_behind_the_workers_and_whole_before_the_swap(
    example_copy: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []  # what this process did, in order (the workers' writes come before
    # their results, and every result before this process writes the comparison)
    real_rename, real_write = os.rename, files_many._write_new

    def sync() -> None:
        events.append("sync")

    def rename(source: str | Path, target: str | Path) -> None:
        events.append("swap" if Path(target) == tmp_path / "w" else "rename")
        real_rename(source, target)

    def write(*arguments: Any, **options: Any) -> None:
        events.append("write")
        real_write(*arguments, **options)

    monkeypatch.setattr(os, "sync", sync)
    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(files_many, "_write_new", write)
    monkeypatch.setattr(site_build, "_FLUSH_EVERY", 1)  # behind every municipality
    build_site(_copies(example_copy, tmp_path, 5), tmp_path / "w")
    assert events.count("swap") == 1 and events[-2:] == ["sync", "swap"]
    last_change = max(i for i, event in enumerate(events) if event in ("write", "rename"))
    assert last_change < len(events) - 2  # every file and folder written before the last flush
    assert events.count("sync") >= 2  # behind the workers too
    assert threading.active_count() == 1


def test_flushing_behind_starts_a_flush_every_so_many_files_and_waits_for_it() -> None:
    started, release = threading.Event(), threading.Event()
    flushes: list[int] = []

    def sync() -> None:
        flushes.append(1)
        started.set()
        release.wait(5)

    flushing = FlushingBehind(3)
    flushing._sync = sync
    flushing.written(2)
    assert not flushing.running() and flushes == []
    flushing.written(1)
    assert started.wait(5) and flushing.running()
    flushing.written(10)  # one is running: no second at once
    assert flushes == [1]
    release.set()
    flushing.stop()
    assert not flushing.running() and flushes == [1]
    flushing.written(3)
    flushing.stop()
    assert flushes == [1, 1]


def test_flushing_behind_does_nothing_where_the_system_cannot_sync(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delattr(os, "sync")
    flushing = FlushingBehind(1)
    flushing.written(5)
    assert not flushing.running()
    flushing.stop()


def test_no_flush_runs_behind_while_the_workers_are_forked_again(
    example_copy: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads_at_fork: list[int] = []
    real_map = site_build.map_in_processes

    def mapped(*arguments: Any, **options: Any) -> Any:
        threads_at_fork.append(threading.active_count())
        return real_map(*arguments, **options)

    monkeypatch.setattr(os, "sync", lambda: time.sleep(0.5))  # still running when asked
    monkeypatch.setattr(site_build, "map_in_processes", mapped)
    monkeypatch.setattr(site_build, "_FLUSH_EVERY", 1)
    repos = _copies(example_copy, tmp_path, 5)
    for repo in repos[1:]:
        _in_english(repo)  # four in English, one in Swedish: those four written again
    build_site(repos, tmp_path / "w")
    assert threads_at_fork == [1, 1]
