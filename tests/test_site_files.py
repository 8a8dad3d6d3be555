"""Writing a site's files: the paths they are written at and the files as written."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styr.files_many import StagedFiles, _inside, _write_new, replace_folder


def _inside_as_a_posix_path(relative: str) -> str:
    """The rule read plainly: a POSIX path that is relative, has a part and no `..`."""
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(relative)
    return os.path.join(*path.parts)


_EDGES = [
    "index.html",
    "0001/index.html",
    "a/b/c.html",
    "a//b",
    "./a",
    "a/.",
    "a/./b",
    "a/..",
    "../a",
    "..",
    ".",
    "",
    "/",
    "/a",
    "a/",
    "...",
    "a/.../b",
    ".a/..b",
    "a\\b",
]


def _same_or_both_refused(relative: str) -> None:
    try:
        expected = _inside_as_a_posix_path(relative)
    except ValueError:
        with pytest.raises(ValueError):
            _inside(relative)
        return
    assert _inside(relative) == expected


@pytest.mark.parametrize("relative", _EDGES)
def test_a_path_inside_the_folder_is_read_as_a_posix_path_reads_it(relative: str) -> None:
    _same_or_both_refused(relative)


@given(st.lists(st.sampled_from(["a", "b.html", ".", "..", "", "...", "x y", "/"]), max_size=6))
def test_any_path_is_read_as_a_posix_path_reads_it(pieces: list[str]) -> None:
    _same_or_both_refused("/".join(pieces))
    _same_or_both_refused("".join(pieces))


@pytest.mark.skipif(sys.platform == "win32", reason="file modes are a POSIX feature")
def test_staged_files_are_written_as_given_with_the_umask_s_mode(tmp_path: Path) -> None:
    files = StagedFiles(tmp_path)
    texts = {
        "index.html": "<p>å\n</p>\r\n",
        "0001/mal.html": "x",
        "0001/a/b.html": "",
        "s.css": "y",
    }
    for relative, text in texts.items():
        files.write(relative, text)
    umask = os.umask(0)
    os.umask(umask)
    for relative, text in texts.items():
        path = tmp_path / relative
        assert path.read_bytes() == text.encode("utf-8")
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    with pytest.raises(FileExistsError):  # never over a file already there
        files.write("index.html", "again")
    with pytest.raises(ValueError):
        files.write("../outside.html", "x")


def test_a_replaced_folder_holds_what_was_staged_and_its_marker(tmp_path: Path) -> None:
    def fill(staging: Path) -> int:
        files = StagedFiles(staging)
        files.write("a/index.html", "one")
        files.write("index.html", "two")
        return 2

    output = tmp_path / "webbplats"
    assert replace_folder(output, ".marker", fill) == 2
    assert replace_folder(output, ".marker", fill) == 2  # over its own earlier output
    assert (output / "a" / "index.html").read_text() == "one"
    assert (output / ".marker").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["webbplats"]  # nothing left beside it


@pytest.mark.skipif(sys.platform == "win32", reason="file modes are a POSIX feature")
def test_a_new_file_gets_the_mode_asked_for_where_open_gives_another(tmp_path: Path) -> None:
    """As a folder with a default ACL would: the mode is then set after the file is made."""
    before = os.umask(0o077)  # open's mode loses what the umask takes away
    try:
        _write_new(tmp_path / "a.html", b"x", flush=False, mode=0o644)
        _write_new(tmp_path / "b.html", b"y", flush=True)
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "a.html").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "b.html").stat().st_mode) == 0o600
    assert (tmp_path / "a.html").read_bytes() == b"x"
