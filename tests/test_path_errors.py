"""A path the system cannot use, given to a command: a usage error that says why, never a fault.

A loop of symbolic links is called a loop, not a file in the way.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

from styr.messages import message

Run = Callable[..., CliResult]
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="symbolic links")


def _said(key: str, language: str, path: Path) -> str:
    """The one line a run that fails on `path` writes, in `language`."""
    return f"styr: {message(key, language, path=str(path))}\n"


def _self_loop(folder: Path) -> Path:
    (folder / "loop").symlink_to("loop")  # `ln -s loop loop`
    return folder / "loop"


def _two_links(folder: Path) -> Path:
    (folder / "a").symlink_to("b")
    (folder / "b").symlink_to("a")
    return folder / "a"


@POSIX_ONLY
@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    ("make", "below"),
    [
        (_self_loop, "kommun"),  # styr init loop/kommun
        (_self_loop, ""),  # styr init loop: the target itself is the loop
        (_self_loop, "a/b/kommun"),
        (_two_links, "kommun"),
    ],
)
def test_init_through_a_loop_of_links_says_it_is_a_loop(
    run_cli: Run, tmp_path: Path, make: Callable[[Path], Path], below: str, language: str
) -> None:
    target = make(tmp_path) / below if below else make(tmp_path)
    result = run_cli("--lang", language, "init", target)
    assert result.code == 2
    assert result.err == _said("files-link-loop", language, target)
    assert sorted(p.name for p in tmp_path.iterdir()) in (["loop"], ["a", "b"])  # nothing made


@pytest.mark.parametrize("language", ["sv", "en"])
def test_init_below_a_file_still_says_a_file_is_in_the_way(
    run_cli: Run, tmp_path: Path, language: str
) -> None:
    (tmp_path / "fil").write_text("", encoding="utf-8")
    target = tmp_path / "fil" / "kommun"
    result = run_cli("--lang", language, "init", target)
    assert result.code == 2
    assert result.err == _said("files-not-a-folder", language, target)
