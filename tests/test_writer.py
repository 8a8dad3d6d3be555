"""The one writer of every file styr writes: whole or not at all, never through a link.

Also `-o -` (standard output) for every command that writes a result.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, CliResult
from test_kolada_pull import FakeKolada, _value, kolada  # noqa: F401 - kolada is a fixture
from unprivileged import NOBODY, as_unprivileged, can_fork, folder_for_nobody

from styr import files
from styr.errors import UsageError
from styr.files import GITIGNORE_PATTERN, write_atomic
from styr.messages import message

Run = Callable[..., CliResult]
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="POSIX file kinds and modes")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if fnmatch.fnmatch(p.name, GITIGNORE_PATTERN))


def _rendered(error: UsageError, language: str = "sv") -> str:
    return message(error.key, language, **error.params)


# --- Whole or not at all ----------------------------------------------------------------------


def test_writes_and_replaces_a_file(tmp_path: Path) -> None:
    target = tmp_path / "ny" / "mapp" / "rapport.md"
    write_atomic(target, "# Första\n")
    write_atomic(target, "# Andra ÅÄÖ\n")
    assert target.read_bytes() == "# Andra ÅÄÖ\n".encode()
    assert _leftovers(target.parent) == []


@POSIX_ONLY
def test_an_existing_file_keeps_its_permissions_and_a_new_one_is_readable(tmp_path: Path) -> None:
    kept = tmp_path / "privat.txt"
    kept.write_text("gammal", encoding="utf-8")
    kept.chmod(0o640)
    write_atomic(kept, "ny")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "publik.html", "<p>")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "publik.html").stat().st_mode) == 0o644


def test_without_overwrite_a_different_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    write_atomic(target, "{}", overwrite=False)
    write_atomic(target, "{}", overwrite=False)  # the same contents: nothing to do
    with pytest.raises(UsageError) as raised:
        write_atomic(target, '{"annat": 1}', overwrite=False)
    assert raised.value.key == "file-exists"
    assert target.read_text(encoding="utf-8") == "{}"


def test_the_file_and_its_folder_are_flushed_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flushed: list[str] = []
    real_fsync = os.fsync

    def fsync(handle: int) -> None:
        flushed.append("folder" if stat.S_ISDIR(os.fstat(handle).st_mode) else "file")
        real_fsync(handle)

    replaced: list[str] = []
    real_replace = os.replace

    def replace(source: Any, target: Any) -> None:
        replaced.append(Path(source).name)
        flushed.append("rename")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "utfall.yaml", "kind: follow_up\n")
    expected = ["file", "rename", "folder"] if os.name == "posix" else ["file", "rename"]
    assert flushed == expected
    # The temporary name: hidden, beside the target, and matched by the pattern git can ignore.
    assert fnmatch.fnmatch(replaced[0], ".utfall.yaml.*.styr-tmp")
    assert fnmatch.fnmatch(replaced[0], GITIGNORE_PATTERN)


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "full"), KeyboardInterrupt()])
def test_no_temporary_file_is_left_on_any_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str, error: BaseException
) -> None:
    target = tmp_path / "rapport.html"
    target.write_text("det gamla", encoding="utf-8")

    def fail(*args: object) -> None:
        raise error

    monkeypatch.setattr(os, failing, fail)
    expected = UsageError if isinstance(error, OSError) else KeyboardInterrupt
    with pytest.raises(expected):
        write_atomic(target, "det nya")
    monkeypatch.undo()
    assert _leftovers(tmp_path) == []
    assert target.read_text(encoding="utf-8") == "det gamla"


def test_text_in_pieces_is_written_as_one_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "_WRITE_SIZE", 4)  # several writes, each of whole pieces
    target = tmp_path / "rapport.html"
    pieces = ["<p>Å", "", "ä</p>\n", "<p>ö – ", "\ud800", "slut</p>\n"]
    write_atomic(target, iter(pieces))
    assert target.read_bytes() == "".join(pieces).encode("utf-8", errors="replace")
    assert _leftovers(tmp_path) == []


def test_a_failure_while_the_pieces_are_made_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    target.write_text("det gamla", encoding="utf-8")

    def pieces() -> Iterator[str]:
        yield "det nya, " * 200_000  # more than one write's worth reaches the temporary file
        raise UsageError("report-template-too-deep", name="report.html.j2")

    with pytest.raises(UsageError):
        write_atomic(target, pieces())
    assert target.read_text(encoding="utf-8") == "det gamla"
    assert _leftovers(tmp_path) == []


def test_pieces_are_not_made_for_a_target_that_is_refused(tmp_path: Path) -> None:
    made: list[str] = []

    def pieces() -> Iterator[str]:
        made.append("started")
        yield "<p>"

    with pytest.raises(UsageError) as raised:
        write_atomic(tmp_path, pieces())
    assert raised.value.key == "files-target-folder"
    assert made == []


def test_pieces_without_overwrite_are_compared_whole(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    write_atomic(target, iter(["{", "}"]), overwrite=False)
    write_atomic(target, iter(["{}"]), overwrite=False)  # the same contents: nothing to do
    with pytest.raises(UsageError) as raised:
        write_atomic(target, iter(["{", '"annat": 1}']), overwrite=False)
    assert raised.value.key == "file-exists"
    assert target.read_text(encoding="utf-8") == "{}"


@pytest.mark.skipif(not hasattr(os, "kill") or os.name != "posix", reason="POSIX signals")
def test_a_termination_signal_while_writing_leaves_no_temporary_file(tmp_path: Path) -> None:
    # In a child process: the signal must not end the test run if it were not handled.
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from styr import files\n"
        "real = os.fsync\n"
        "def fsync(handle):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    real(handle)\n"
        "os.fsync = fsync\n"
        "files.write_atomic(Path(sys.argv[1]) / 'utfall.yaml', 'kind: follow_up\\n')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, timeout=60
    )
    assert done.returncode == 128 + 15
    assert list(tmp_path.iterdir()) == []


# --- Never through a link, never over a special file ------------------------------------------


@POSIX_ONLY
def test_a_link_is_refused_and_neither_it_nor_its_target_changes(tmp_path: Path) -> None:
    victim = tmp_path / "viktig.txt"
    victim.write_text("orört", encoding="utf-8")
    link = tmp_path / "rapport.html"
    link.symlink_to(victim)
    with pytest.raises(UsageError) as raised:
        write_atomic(link, "<p>")
    assert raised.value.key == "files-target-link"
    assert "symbolisk länk" in _rendered(raised.value) and "-o -" in _rendered(raised.value)
    assert link.is_symlink() and victim.read_text(encoding="utf-8") == "orört"
    assert _leftovers(tmp_path) == []


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _null_device(path: Path) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("this system does not let the test make a device node")


@POSIX_ONLY
@pytest.mark.parametrize("make", [_fifo, _null_device], ids=["named-pipe", "device"])
def test_a_special_file_is_refused_not_replaced(
    tmp_path: Path, make: Callable[[Path], None]
) -> None:
    # The reproducer of the report: mknod ./null c 1 3; styr lint r -o ./null.
    special = tmp_path / "null"
    make(special)
    before = os.lstat(special).st_mode
    with pytest.raises(UsageError) as raised:
        write_atomic(special, "text")
    assert raised.value.key == "files-target-special"
    assert os.lstat(special).st_mode == before
    assert _leftovers(tmp_path) == []


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        write_atomic(tmp_path, "text")
    assert raised.value.key == "files-target-folder"
    assert tmp_path.is_dir()


# --- Every OS error is a plain usage error ----------------------------------------------------


@pytest.mark.parametrize(
    ("number", "key", "words"),
    [
        (errno.EACCES, "files-denied", "behörighet"),
        (errno.EPERM, "files-denied", "behörighet"),
        (errno.EROFS, "files-read-only", "skrivskyddad"),
        (errno.ENOSPC, "files-no-space", "disken är full"),
        (errno.ELOOP, "files-link-loop", "slinga"),
        (errno.EIO, "files-os-error", "EIO"),
    ],
)
def test_an_os_error_names_the_path_and_a_plain_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int, key: str, words: str
) -> None:
    def fail(*args: object, **kwargs: object) -> int:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(files.os, "open", fail)
    target = tmp_path / "rapport.html"
    with pytest.raises(UsageError) as raised:
        write_atomic(target, "<p>")
    assert raised.value.key == key
    assert str(target) in _rendered(raised.value) and words in _rendered(raised.value)
    assert str(target) in _rendered(raised.value, "en")


def test_a_file_where_a_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "fil.txt").write_text("", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        write_atomic(tmp_path / "fil.txt" / "rapport.html", "<p>")
    assert raised.value.key == "files-not-a-folder"


@POSIX_ONLY
def test_a_loop_of_links_in_the_path(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(UsageError) as raised:
        write_atomic(tmp_path / "a" / "rapport.html", "<p>")
    assert raised.value.key == "files-link-loop"


def test_a_name_too_long(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        write_atomic(tmp_path / ("x" * 300), "<p>")
    assert raised.value.key == "files-name-too-long"


def _key_of_writing(path: Path) -> str:
    try:
        write_atomic(path, "<p>")
    except UsageError as error:
        return error.key
    return "written"


@can_fork
def test_a_read_only_folder_for_real() -> None:
    # Root may write anywhere: the write is tried as an ordinary user (tests/unprivileged.py).
    with folder_for_nobody() as shared:
        folder = shared / "skrivskyddad"
        folder.mkdir()
        if os.geteuid() == 0:
            os.chown(folder, NOBODY, NOBODY)
        folder.chmod(0o555)
        assert as_unprivileged(lambda: _key_of_writing(folder / "rapport.html")) == "files-denied"
        assert not (folder / "rapport.html").exists()


def test_text_that_is_not_valid_unicode_is_still_written(tmp_path: Path) -> None:
    write_atomic(tmp_path / "ut.txt", "trasig \udcff text")
    assert (tmp_path / "ut.txt").read_bytes() == b"trasig ? text"


# --- Through the command line -----------------------------------------------------------------


@pytest.mark.parametrize("command", ["lint", "report"])
def test_dash_is_standard_output(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    to_stdout = run_cli(command, EXAMPLES / "helsingborg", "-o", "-", "--format", _format(command))
    plain = run_cli(command, EXAMPLES / "helsingborg", "--format", _format(command))
    assert to_stdout.code == plain.code == 0
    assert to_stdout.out == plain.out != ""
    assert list(tmp_path.iterdir()) == []  # no file named "-"


def _format(command: str) -> str:
    return "json" if command == "lint" else "md"


@POSIX_ONLY
@pytest.mark.parametrize("command", ["lint", "report"])
def test_the_command_line_refuses_a_special_target_with_exit_2(
    run_cli: Run, tmp_path: Path, command: str
) -> None:
    special = tmp_path / "null"
    os.mkfifo(special)
    result = run_cli(command, EXAMPLES / "helsingborg", "-o", special)
    assert result.code == 2
    assert str(special) in result.err and "vanlig fil" in result.err
    assert "Internt fel" not in result.err and "Traceback" not in result.err
    assert stat.S_ISFIFO(os.lstat(special).st_mode)


@POSIX_ONLY
def test_the_command_line_refuses_a_link_such_as_dev_stdout(run_cli: Run, tmp_path: Path) -> None:
    link = tmp_path / "stdout"
    link.symlink_to("/dev/stdout")
    result = run_cli("lint", EXAMPLES / "helsingborg", "-o", link)
    assert result.code == 2 and "-o -" in result.err
    assert link.is_symlink()


def test_the_command_line_reports_a_missing_permission_plainly(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files, "write_temporary", fail)
    result = run_cli("report", EXAMPLES / "helsingborg", "-o", tmp_path / "rapport.html")
    assert result.code == 2
    assert "behörighet" in result.err and "Permission denied" not in result.err
    assert "Internt fel" not in result.err


# --- styr kolada pull writes through the same writer ------------------------------------------


@pytest.fixture
def kolada_repo(tmp_path: Path) -> Path:
    target = tmp_path / "helsingborg"
    shutil.copytree(EXAMPLES / "helsingborg", target)
    return target


def test_kolada_pull_names_its_temporary_file_for_git_and_cleans_up_on_failure(
    run_cli: Run,
    kolada_repo: Path,
    kolada: tuple[FakeKolada, str],  # noqa: F811 - the fixture imported above
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake, url = kolada
    fake.body = {"count": 1, "next_url": None, "values": [_value("N15428", 2024, 84.5, 87.0, 82.1)]}
    seen: list[str] = []

    def replace(source: Any, target: Any) -> None:
        seen.append(Path(source).name)
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "replace", replace)
    result = run_cli("kolada", "pull", kolada_repo, "--years", "2024", "--base-url", url)
    assert result.code == 2 and "EIO" in result.err and "Internt fel" not in result.err
    assert fnmatch.fnmatch(seen[0], ".kolada.yaml.*.styr-tmp")
    assert list((kolada_repo / "uppfoljning").glob(".*")) == []


def test_the_writers_flags_are_the_systems_own() -> None:
    # A misspelt name falls back to 0 without a word: no link refused on reading
    # back, and on Windows every file written in text mode ("\n" as "\r\n").
    from styr import files_staging

    assert getattr(os, "O_NOFOLLOW", 0) == files_staging.NOFOLLOW
    assert getattr(os, "O_BINARY", 0) == files_staging.BINARY
    assert getattr(os, "O_NONBLOCK", 0) == files_staging.NONBLOCK
    if os.name == "posix":
        assert files_staging.NOFOLLOW and files_staging.NONBLOCK
    else:
        assert files_staging.BINARY
