"""`InsideReader` reads many files of one root and answers exactly as `read_inside` does.

It works out each folder's real path once instead of following every link
of every file's path again; whatever it reads or refuses must be what
`read_inside` reads or refuses, with the same reason.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from platform_marks import needs_posix, needs_symlinks

from styr.load.access import InsideReader, Refused, read_inside


def _answer(read: Callable[..., bytes], *arguments: Path, max_bytes: int) -> object:
    """The bytes read, or the refusal's key and parameters."""
    try:
        return read(*arguments, max_bytes=max_bytes)
    except Refused as refused:
        return ("refused", refused.key, refused.params)


def _same_answers(root: Path, paths: list[Path], max_bytes: int = 64) -> None:
    reader = InsideReader(root)
    for path in paths:
        expected = _answer(read_inside, root, path, max_bytes=max_bytes)
        assert _answer(reader.read, path, max_bytes=max_bytes) == expected, path


@needs_symlinks
@needs_posix
def test_every_kind_of_entry_gets_read_insides_answer(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("secret: 1\n", encoding="utf-8")
    root = tmp_path / "kommun"
    (root / "organisation").mkdir(parents=True)
    (root / "plain.yaml").write_text("a: 1\n", encoding="utf-8")
    (root / "organisation" / "board.yaml").write_text("b: 2\n", encoding="utf-8")
    (root / "large.yaml").write_text("c: " + "x" * 100 + "\n", encoding="utf-8")
    (root / "link-inside.yaml").symlink_to(root / "plain.yaml")
    (root / "link-out.yaml").symlink_to(outside / "secret.yaml")
    (root / "dangling.yaml").symlink_to(root / "nowhere.yaml")
    (root / "loop.yaml").symlink_to(root / "loop.yaml")
    (root / "folder.yaml").mkdir()
    os.mkfifo(root / "pipe.yaml")
    (root / "linked-folder").symlink_to(root / "organisation", target_is_directory=True)
    (root / "folder-out").symlink_to(outside, target_is_directory=True)
    names = [
        "plain.yaml",
        "organisation/board.yaml",
        "large.yaml",
        "link-inside.yaml",
        "link-out.yaml",
        "dangling.yaml",
        "loop.yaml",
        "folder.yaml",
        "pipe.yaml",
        "missing.yaml",
        "linked-folder/board.yaml",
        "folder-out/secret.yaml",
        "organisation/../plain.yaml",
        "linked-folder/../plain.yaml",
        "folder-out/../kommun/plain.yaml",
        "missing-folder/x.yaml",
        "plain.yaml/x.yaml",
    ]
    _same_answers(root, [root / name for name in names])


@needs_symlinks
def test_relative_paths_and_a_root_given_through_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    (real / "organisation").mkdir(parents=True)
    (real / "styr.yaml").write_text("a: 1\n", encoding="utf-8")
    (real / "organisation" / "board.yaml").write_text("b: 2\n", encoding="utf-8")
    (tmp_path / "alias").symlink_to(real, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    for root in (Path("real"), Path("alias"), Path("alias/organisation/..")):
        paths = [root / "styr.yaml", root / "organisation" / "board.yaml", root / "nope.yaml"]
        _same_answers(root, paths)
    monkeypatch.chdir(real)
    _same_answers(Path(), [Path("styr.yaml"), Path("organisation/board.yaml")])


def test_each_folder_is_resolved_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "organisation").mkdir()
    files = [tmp_path / f"{n}.yaml" for n in range(5)]
    files += [tmp_path / "organisation" / f"{n}.yaml" for n in range(5)]
    for file in files:
        file.write_text("a: 1\n", encoding="utf-8")
    resolved: list[str] = []
    realpath = os.path.realpath

    def counting(path: str, *, strict: bool = False) -> str:
        resolved.append(os.fspath(path))
        return realpath(path, strict=strict)

    monkeypatch.setattr(os.path, "realpath", counting)
    reader = InsideReader(tmp_path)
    assert [reader.read(file, max_bytes=64) for file in files] == [b"a: 1\n"] * len(files)
    # The root once, and each of the two folders once: not once per file.
    assert len(resolved) <= 3


def test_whether_a_folder_lies_inside_is_worked_out_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "organisation").mkdir()
    files = [tmp_path / "organisation" / f"{n}.yaml" for n in range(20)]
    for file in files:
        file.write_text("a: 1\n", encoding="utf-8")
    compared: list[object] = []
    commonpath = os.path.commonpath

    def counting(paths: list[str]) -> str:
        compared.append(paths)
        return commonpath(paths)

    monkeypatch.setattr(os.path, "commonpath", counting)
    reader = InsideReader(tmp_path)
    assert [reader.read(file, max_bytes=64) for file in files] == [b"a: 1\n"] * len(files)
    # The folder is compared with the root once; a plain name in it is inside.
    assert len(compared) == 1
