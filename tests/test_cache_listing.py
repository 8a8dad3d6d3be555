"""A warm run lists each folder once: stamps from the walk's entries, documents by name."""

from __future__ import annotations

import gc
import os
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from filled import init_filled as init_repository

import styr.lint
from styr.cache import open_cache
from styr.cache_index import listed_stamps, take_stamps
from styr.lint import from_cache_entry, lint_paths, to_cache_entry
from styr.load import Document
from styr.model.repository import (
    MANIFEST,
    find_listed_repositories,
    repository_entries,
    repository_names,
)
from styr.named_documents import NamedDocuments

TODAY = date(2026, 6, 1)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    root = tmp_path / "hel"
    init_repository(root, "blank", "Hel", "0997")
    deeper = root / "organisation" / "bolag"
    deeper.mkdir(parents=True)
    (deeper / "hamn.yaml").write_text("kind: x\n", encoding="utf-8")
    (root / "organisation" / "anteckning.txt").write_text("not YAML\n", encoding="utf-8")
    return root


def test_the_walk_lists_the_names_and_the_manifest(repository: Path) -> None:
    manifest, listed = repository_entries(repository)
    assert manifest is not None and manifest.name == MANIFEST
    assert [name for name, _entry in listed] == repository_names(repository)
    assert "organisation/bolag/hamn.yaml" in repository_names(repository)


def test_stamps_from_the_walk_are_the_stamps_of_the_names(repository: Path) -> None:
    # The index is stored with `take_stamps` and compared with `listed_stamps`:
    # any difference would make every warm run read every file.
    stamps = listed_stamps(*repository_entries(repository))
    assert stamps is not None
    assert stamps == take_stamps(repository, [MANIFEST, *repository_names(repository)])


def test_no_stamps_without_a_manifest(repository: Path) -> None:
    (repository / MANIFEST).unlink()
    assert listed_stamps(*repository_entries(repository)) is None


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_no_stamps_when_a_file_is_a_link(repository: Path, tmp_path: Path) -> None:
    outside = tmp_path / "utanfor.yaml"
    outside.write_text("kind: x\n", encoding="utf-8")
    (repository / "organisation" / "lank.yaml").symlink_to(outside)
    names = [MANIFEST, *repository_names(repository)]
    assert "organisation/lank.yaml" in names
    assert listed_stamps(*repository_entries(repository)) is None
    assert take_stamps(repository, names) is None


def test_named_documents_are_the_documents_of_their_names(tmp_path: Path) -> None:
    names = ["program.yaml", "organisation/a.yaml", "organisation/b.yaml"]
    documents = NamedDocuments(tmp_path, names)
    listed = [Document(tmp_path / name, None) for name in names]
    assert len(documents) == 3
    assert documents == listed and listed == documents
    assert documents[1] == listed[1] and documents[1:] == listed[1:]
    assert list(documents) == listed
    assert documents[0] is documents[0]  # built once, the same objects afterwards
    assert documents == NamedDocuments(tmp_path, list(names))
    assert documents != NamedDocuments(tmp_path, names[:2])


def test_a_result_from_the_cache_has_the_documents_of_a_fresh_one(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("styr.lint.now_ns", lambda: time.time_ns() + 10_000_000_000)
    cache = open_cache(tmp_path / "cache")
    assert cache is not None
    (fresh,) = lint_paths([repository], today=TODAY).results
    lint_paths([repository], today=TODAY, cache=cache)
    (warm,) = lint_paths([repository], today=TODAY, cache=cache).results
    assert isinstance(warm.repository.documents, NamedDocuments)
    assert warm.repository.documents == fresh.repository.documents
    assert [d.file for d in warm.repository.all_documents()] == [
        d.file for d in fresh.repository.all_documents()
    ]
    again = from_cache_entry(repository, to_cache_entry(warm))
    assert again is not None and again.repository.documents == fresh.repository.documents


def test_counting_a_warm_runs_files_builds_no_document(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The summary line asks how many files were checked; a warm run answers it
    # from the names alone, without a path and a Document for each file.
    monkeypatch.setattr("styr.lint.now_ns", lambda: time.time_ns() + 10_000_000_000)
    cache = open_cache(tmp_path / "cache")
    assert cache is not None
    (fresh,) = lint_paths([repository], today=TODAY).results
    lint_paths([repository], today=TODAY, cache=cache)
    warm = lint_paths([repository], today=TODAY, cache=cache)
    documents = warm.results[0].repository.documents
    assert isinstance(documents, NamedDocuments)
    assert warm.files_checked == len(fresh.repository.all_documents())
    assert documents._built is None


def _folder_of_repositories(at: Path) -> list[Path]:
    """Repositories below `at`, some where the search must not find them."""
    found = [at / "a" / "ett", at / "b", at / "c" / "d" / "tre"]
    for root in found:
        init_repository(root, "blank", root.name, "0997")
    init_repository(at / ".dold" / "gomd", "blank", "Gömd", "0996")  # hidden: not gone into
    init_repository(at / "b" / "inne", "blank", "Inne", "0995")  # inside a repository: its files
    return found


def test_the_search_finds_what_os_walk_found_in_the_same_order(tmp_path: Path) -> None:
    expected = _folder_of_repositories(tmp_path)
    if os.name != "nt":
        (tmp_path / "z").symlink_to(tmp_path / "a", target_is_directory=True)  # not followed
    listings = find_listed_repositories([tmp_path])
    assert list(listings) == expected
    for root, listing in listings.items():
        assert listing is not None
        assert sorted(entry.name for entry in listing) == sorted(os.listdir(root))


def test_a_named_repository_has_no_listing_and_is_found_once(tmp_path: Path) -> None:
    expected = _folder_of_repositories(tmp_path)
    listings = find_listed_repositories([expected[1], tmp_path])
    assert list(listings) == [expected[1], expected[0], expected[2]]
    assert listings[expected[1]] is None


def test_a_walk_from_the_search_s_listing_is_the_walk_itself(tmp_path: Path) -> None:
    (root,) = find_listed_repositories([_repository_parent(tmp_path)])
    listing = find_listed_repositories([tmp_path])[root]
    manifest, listed = repository_entries(root, listing)
    assert [name for name, _entry in listed] == repository_names(root)
    assert listed_stamps(manifest, listed) == listed_stamps(*repository_entries(root))


def _repository_parent(at: Path) -> Path:
    init_repository(at / "kommun", "blank", "Kommun", "0997")
    (at / "kommun" / "organisation" / "bolag").mkdir()
    (at / "kommun" / "organisation" / "bolag" / "hamn.yaml").write_text("kind: x\n", "utf-8")
    return at


def test_a_warm_run_over_a_folder_of_repositories_reads_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("styr.lint.now_ns", lambda: time.time_ns() + 10_000_000_000)
    corpus = tmp_path / "kommuner"
    _folder_of_repositories(corpus)
    cache = open_cache(tmp_path / "cache")
    assert cache is not None
    cold = lint_paths([corpus], today=TODAY, cache=cache)
    monkeypatch.setattr("styr.lint.read_repository_files", _no_reading)
    warm = lint_paths([corpus], today=TODAY, cache=cache)
    assert [r.repository.root for r in warm.results] == [r.repository.root for r in cold.results]
    assert warm.findings == cold.findings


def _no_reading(*_arguments: object) -> None:
    raise AssertionError("a file was read")


def test_an_entry_is_read_in_one_call_and_a_larger_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = open_cache(tmp_path / "cache")
    assert cache is not None
    value = {"findings": [], "text": "å" * 3_000_000}  # more than one read's worth of bytes
    cache.store("1" * 40, value)
    cache.store("2" * 40, {"findings": []})
    reads: list[int] = []
    real_read = os.read

    def counted(handle: int, size: int) -> bytes:
        reads.append(size)
        return real_read(handle, size)

    monkeypatch.setattr(os, "read", counted)
    assert cache.load("2" * 40) == {"findings": []}
    assert len(reads) == 1
    assert cache.load("1" * 40) == value


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_the_walk_leaves_out_a_repository_inside_whatever_it_holds(tmp_path: Path) -> None:
    # The walk sees a nested repository in the nested folder's own listing:
    # what that folder would have added (even a link listed before its
    # manifest by name) is taken back, a link to it is not walked, and a
    # `styr.yaml` that is not a file makes no repository.
    root = tmp_path / "kommun"
    outside = tmp_path / "utanfor"
    outside.mkdir()
    files = {
        MANIFEST: "kind: x\n",
        "a.yaml": "kind: x\n",
        "sub/b.yaml": "kind: x\n",
        f"sub/inner/{MANIFEST}": "kind: x\n",
        "sub/inner/c.yaml": "kind: x\n",
        "sub/inner/deeper/d.yaml": "kind: x\n",
        "notrepo/e.yaml": "kind: x\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "sub" / "inner" / "a-link").symlink_to(outside, target_is_directory=True)
    (root / "sub" / "zz-link").symlink_to(root / "sub" / "inner", target_is_directory=True)
    (root / "notrepo" / MANIFEST).symlink_to(tmp_path / "gone.yaml")  # dangling: not a file
    manifest, listed = repository_entries(root)
    assert manifest is not None
    names = ["a.yaml", "notrepo/e.yaml", f"notrepo/{MANIFEST}", "sub/b.yaml"]
    assert [name for name, _entry in listed] == names
    assert repository_names(root) == names


def test_a_warm_pass_pauses_the_collector_and_leaves_it_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The objects a warm pass keeps hold no cycle: the collector is off while it runs.
    monkeypatch.setattr("styr.lint.now_ns", lambda: time.time_ns() + 10_000_000_000)
    corpus = tmp_path / "kommuner"
    _folder_of_repositories(corpus)
    cache = open_cache(tmp_path / "cache")
    assert cache is not None
    lint_paths([corpus], today=TODAY, cache=cache)
    collecting: list[bool] = []
    real_from_index = styr.lint._from_index

    def watched(*arguments: Any) -> Any:
        collecting.append(gc.isenabled())
        return real_from_index(*arguments)

    monkeypatch.setattr("styr.lint._from_index", watched)
    assert gc.isenabled()
    warm = lint_paths([corpus], today=TODAY, cache=cache)
    assert collecting == [False, False, False]
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert len(warm.results) == 3


def test_a_warm_pass_leaves_a_collector_that_was_off_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("styr.lint.now_ns", lambda: time.time_ns() + 10_000_000_000)
    corpus = tmp_path / "kommuner"
    _folder_of_repositories(corpus)
    cache = open_cache(tmp_path / "cache")
    assert cache is not None
    lint_paths([corpus], today=TODAY, cache=cache)
    gc.disable()
    try:
        assert len(lint_paths([corpus], today=TODAY, cache=cache).results) == 3
        assert not gc.isenabled()
    finally:
        gc.enable()
