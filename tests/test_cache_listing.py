"""A warm run lists each folder once: stamps from the walk's entries, documents by name."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest
from filled import init_filled as init_repository

from styr.cache import open_cache
from styr.cache_index import listed_stamps, take_stamps
from styr.lint import from_cache_entry, lint_paths, to_cache_entry
from styr.load import Document
from styr.model.repository import MANIFEST, repository_entries, repository_names
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
