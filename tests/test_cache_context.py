"""The context of many repositories of one run is each one's context, however the path is given."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from styr import cache_context
from styr.cache_context import Contexts, context

TODAY = date(2026, 6, 1)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Repositories under a folder with a pyproject.toml, one with its own, one behind a link."""
    top = tmp_path / "kommuner"
    for name in ("a", "b", "c"):
        (top / "alla" / name).mkdir(parents=True)
    (top / "pyproject.toml").write_text("[tool.styr]\nselect = ['C']\n", encoding="utf-8")
    (top / "alla" / "b" / "pyproject.toml").write_text("[tool.other]\n", encoding="utf-8")
    elsewhere = tmp_path / "annanstans" / "d"
    elsewhere.mkdir(parents=True)
    (tmp_path / "annanstans" / "pyproject.toml").write_text("[tool.x]\n", encoding="utf-8")
    if hasattr(os, "symlink"):
        os.symlink(elsewhere, top / "alla" / "d")  # in the folder, but really elsewhere
        os.symlink(top / "alla", tmp_path / "genväg")
    return top


def _roots(tree: Path) -> list[Path]:
    alla = tree / "alla"
    roots = [alla / "a", alla / "b", alla / "c", alla / "a" / ".." / "b", alla / "nonesuch"]
    if hasattr(os, "symlink"):
        roots += [alla / "d", tree.parent / "genväg" / "b", tree.parent / "genväg" / ".." / "x"]
    return roots


def test_each_repository_of_a_run_has_its_own_context(tree: Path) -> None:
    contexts = Contexts(TODAY)
    roots = _roots(tree)
    assert [contexts(root) for root in roots] == [context(root, TODAY) for root in roots]
    # The files above and in the repositories do count: another repository, another context.
    assert len({context(root, TODAY) for root in roots[:3]}) == 2


def test_relative_paths_have_the_same_context(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree / "alla" / "a")
    roots = [Path("."), Path(".."), Path("../b"), Path("../c"), Path("../../alla/b")]
    contexts = Contexts(TODAY)
    assert [contexts(root) for root in roots] == [context(root, TODAY) for root in roots]


def test_each_pyproject_is_read_once_a_run(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    real = cache_context._bytes_or_mark

    def counted(path: str) -> bytes:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(cache_context, "_bytes_or_mark", counted)
    contexts = Contexts(TODAY)
    for root in ("a", "b", "c", "a", "b"):
        contexts(tree / "alla" / root)
    assert sorted(reads) == sorted(
        {
            str(tree.resolve() / "pyproject.toml"),
            str(tree.resolve() / "alla" / "b" / "pyproject.toml"),
        }
    )


def test_the_date_is_part_of_the_context(tree: Path) -> None:
    root = tree / "alla" / "a"
    assert Contexts(TODAY)(root) != Contexts(date(2026, 6, 2))(root)
