"""Finding repositories: named, below a folder, or upwards from inside one, as git does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

from styr.errors import UsageError
from styr.model.repository import find_repositories
from styr.scaffold import init_repository

Run = Callable[..., CliResult]


def _repo(at: Path) -> Path:
    init_repository(at, "blank", "Testby", "0999")
    return at


def test_a_subfolder_of_a_repository_names_the_repository(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "kommun")
    assert [p.resolve() for p in find_repositories([repo / "organisation"])] == [repo.resolve()]


def test_the_current_folder_inside_a_repository_finds_it_upwards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repo(tmp_path / "kommun")
    deep = repo / "organisation" / "arkiv"
    deep.mkdir()
    monkeypatch.chdir(deep)
    assert [p.resolve() for p in find_repositories([Path(".")])] == [repo.resolve()]


def test_a_folder_holding_repositories_still_lists_them(tmp_path: Path) -> None:
    one, two = _repo(tmp_path / "a" / "ett"), _repo(tmp_path / "b" / "tva")
    assert find_repositories([tmp_path]) == [one, two]


def test_a_file_names_its_repository(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "kommun")
    found = find_repositories([repo / "organisation" / "exempelnamnden.yaml"])
    assert [p.resolve() for p in found] == [repo.resolve()]


def test_the_search_upwards_stops_at_the_top_of_a_git_work_tree(tmp_path: Path) -> None:
    _repo(tmp_path / "outer")  # a styr.yaml above the checkout belongs to something else
    checkout = tmp_path / "outer" / "checkout"
    (checkout / ".git").mkdir(parents=True)
    (checkout / "docs").mkdir()
    with pytest.raises(UsageError):
        find_repositories([checkout / "docs"])


def test_a_repository_at_the_top_of_a_git_work_tree_is_found(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "kommun")
    (repo / ".git").mkdir()
    found = find_repositories([repo / "organisation"])
    assert [p.resolve() for p in found] == [repo.resolve()]


def test_styr_lint_without_a_path_in_a_subfolder_lints_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: Run
) -> None:
    repo = _repo(tmp_path / "kommun")
    monkeypatch.chdir(repo / "organisation")
    result = run_cli("lint", "--no-cache")
    assert result.code == 0, result.out + result.err
    files = len([f for f in repo.rglob("*.yaml") if ".styr_cache" not in f.parts])
    assert f"i {files} filer" in result.out  # every file of the repository, not the subfolder's


def test_styr_lint_outside_any_repository_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: Run
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    result = run_cli("lint", "--no-cache")
    assert result.code == 2
    assert "styr.yaml" in result.err + result.out
