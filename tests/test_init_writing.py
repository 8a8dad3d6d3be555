"""`styr init` on disk: a complete repository or none (a full disk, a file size limit, a
folder it may not write in), into a new or an empty folder, with the starter's and the
editor's files, readable as the umask allows."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import CliResult
from leftovers import leftovers
from unprivileged import NOBODY, as_unprivileged, can_fork, folder_for_nobody

from styr.resources import data_dir
from styr.scaffold import init_repository

Run = Callable[..., CliResult]


def test_a_repository_is_written_whole_or_not_at_all(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import styr.files_many

    real = styr.files_many._write_new
    calls = 0

    def fail_on_the_seventh(path: Path, data: bytes) -> None:
        nonlocal calls
        calls += 1
        if calls == 7:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(styr.files_many, "_write_new", fail_on_the_seventh)
    result = run_cli("init", tmp_path / "kommun")
    assert result.code == 2
    assert "disken är full" in result.err
    assert leftovers(tmp_path) == []
    monkeypatch.setattr(styr.files_many, "_write_new", real)
    assert run_cli("init", tmp_path / "kommun").code == 0  # and it can simply be run again
    assert run_cli("lint", tmp_path / "kommun").code == 0


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are a POSIX feature")
def test_a_file_size_limit_leaves_nothing_behind(tmp_path: Path) -> None:
    """The reproducer from the issue: `ulimit -f 8; styr init x`."""
    import resource  # POSIX only

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024, 8 * 1024))

    command = [sys.executable, "-m", "styr", "init", "x"]
    limited = subprocess.run(
        command, cwd=tmp_path, preexec_fn=limit, capture_output=True, text=True, check=False
    )
    assert limited.returncode == 2, limited.stderr
    assert "Traceback" not in limited.stderr and "Internt fel" not in limited.stderr
    assert leftovers(tmp_path) == []
    again = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "x" / "styr.yaml").is_file()


def test_a_parent_it_may_not_write_in_is_a_usage_error(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    def denied(*args: object, **kwargs: object) -> str:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    result = run_cli("init", tmp_path / "kommun")
    assert result.code == 2
    assert "behörighet" in result.err and "Internt fel" not in result.err


@can_fork
def test_a_read_only_parent_is_a_usage_error(run_cli: Run) -> None:
    # Root may write anywhere: init is run as an ordinary user (tests/unprivileged.py).
    with folder_for_nobody() as shared:
        parent = shared / "skrivskyddad"
        parent.mkdir()
        if os.geteuid() == 0:
            os.chown(parent, NOBODY, NOBODY)
        parent.chmod(0o555)

        def init() -> str:
            result = run_cli("init", parent / "kommun")
            return f"{result.code}\n{result.err}"

        code, err = as_unprivileged(init).split("\n", 1)
        assert not (parent / "kommun").exists()
    assert code == "2", err
    assert "behörighet" in err and "Internt fel" not in err


def test_a_parent_that_is_a_file_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "fil").write_text("", encoding="utf-8")
    result = run_cli("init", tmp_path / "fil" / "kommun")
    assert result.code == 2
    assert "Internt fel" not in result.err


def test_a_target_that_is_a_file_is_refused(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "kommun").write_text("mitt", encoding="utf-8")
    result = run_cli("init", tmp_path / "kommun")
    assert result.code == 2
    assert "är en fil" in result.err
    assert (tmp_path / "kommun").read_text(encoding="utf-8") == "mitt"


def test_an_empty_folder_is_filled(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "kommun").mkdir()
    assert run_cli("init", tmp_path / "kommun").code == 0
    assert (tmp_path / "kommun" / "styr.yaml").is_file()
    assert leftovers(tmp_path) == ["kommun"]


def test_the_current_folder_when_empty(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "kommun"
    here.mkdir()
    monkeypatch.chdir(here)
    assert run_cli("init", ".").code == 0
    assert (here / "styr.yaml").is_file() and (here / "organisation").is_dir()
    assert leftovers(tmp_path) == ["kommun"]
    assert run_cli("lint", ".").code == 0


def test_an_empty_folder_stays_empty_when_moving_in_fails(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kommun"
    target.mkdir()
    real = os.rename
    moves = 0

    def fail_on_the_third(source: Any, destination: Any) -> None:
        nonlocal moves
        moves += 1
        if moves == 3:
            raise OSError(errno.EIO, "Input/output error")
        real(source, destination)

    monkeypatch.setattr(os, "rename", fail_on_the_third)
    result = run_cli("init", target)
    assert result.code == 2 and "Internt fel" not in result.err
    assert leftovers(target) == []
    assert leftovers(tmp_path) == ["kommun"]


def test_the_repository_is_readable_by_others_as_the_umask_allows(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("permissions are POSIX")
    previous = os.umask(0o022)
    try:
        init_repository(tmp_path / "kommun", "blank", "Nyby", "0999")
    finally:
        os.umask(previous)
    assert (tmp_path / "kommun").stat().st_mode & 0o777 == 0o755
    assert (tmp_path / "kommun" / "styr.yaml").stat().st_mode & 0o777 == 0o644


def test_init_writes_the_starter_files_and_the_editor_files(tmp_path: Path) -> None:
    written = init_repository(tmp_path / "k", "huddinge", "Nyby", "0999")
    relative = sorted(p.relative_to(tmp_path / "k").as_posix() for p in written)
    starter = data_dir("starters") / "huddinge"
    yaml_files = sorted(p.relative_to(starter).as_posix() for p in starter.rglob("*.yaml"))
    assert [p for p in relative if p.endswith(".yaml")] == yaml_files
    assert ".vscode/settings.json" in relative and ".vscode/extensions.json" in relative
    assert "schemas/organisation.schema.json" in relative
    assert "schemas/common.schema.json" in relative


def test_git_ignores_a_temporary_file_styr_left_behind(tmp_path: Path) -> None:
    import fnmatch

    from styr.files import temporary_name

    init_repository(tmp_path / "kommun", "blank", "Nyby", "0999")
    patterns = [
        line
        for line in (tmp_path / "kommun" / ".gitignore").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    leftover = temporary_name(tmp_path / "kommun" / "vision.yaml").name
    assert any(fnmatch.fnmatch(leftover, pattern) for pattern in patterns)
    assert not any(fnmatch.fnmatch("vision.yaml", pattern) for pattern in patterns)
