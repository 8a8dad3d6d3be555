"""A path the system cannot use, given to a command: a usage error that says why, never a fault.

A loop of symbolic links is called a loop, not a file in the way; a name the
file system refuses (EINVAL: on Windows a name with `:`) is said as such, for
a command that writes and for one that reads.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import CliResult

from styr.files_errors import name_error
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


# --- A name the file system refuses (EINVAL) ----------------------------------------------

REFUSED = "kommun:1"  # as Windows refuses it; this system takes it, so the refusal is made


@pytest.fixture
def name_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The system refuses to look at any path with the name `REFUSED` in it, as Windows does."""
    real_stat = os.stat

    def stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if isinstance(path, str | bytes | os.PathLike) and REFUSED in os.fsdecode(path):
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL), os.fsdecode(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)


@pytest.mark.usefixtures("name_refused")
@pytest.mark.parametrize("language", ["sv", "en"])
def test_init_of_a_name_the_file_system_refuses_is_a_usage_error(
    run_cli: Run, tmp_path: Path, language: str
) -> None:
    target = tmp_path / REFUSED
    result = run_cli("--lang", language, "init", target)
    assert result.code == 2
    assert result.err == _said("path-bad-name", language, target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("name_refused")
@pytest.mark.parametrize("language", ["sv", "en"])
def test_lint_of_a_name_the_file_system_refuses_is_a_usage_error(
    run_cli: Run, tmp_path: Path, language: str
) -> None:
    target = tmp_path / REFUSED / "organisation"
    result = run_cli("--lang", language, "lint", target)
    assert result.code == 2
    assert result.err == _said("path-bad-name", language, target)


def test_a_refusal_that_names_no_path_is_no_users_name() -> None:
    # Only an error about a path the user gave is theirs to correct; one without is a fault.
    assert name_error(OSError(errno.EINVAL, os.strerror(errno.EINVAL))) is None
    named = name_error(OSError(errno.EINVAL, os.strerror(errno.EINVAL), REFUSED))
    assert named is not None and named.key == "path-bad-name"
