"""Which files may be read: regular files inside the root, symlinks only when they stay inside.

Every refused file is a Y001 finding at 1:1 with its reason in Swedish (and
English beside it), nothing of a refused file's contents reaches a finding,
and nothing blocks: a FIFO or a device is refused before a byte is read.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from platform_marks import needs_posix, needs_symlinks
from unprivileged import as_unprivileged, can_fork, folder_for_nobody

import styr.load.limits
from styr.lint import lint_paths
from styr.load import load_document
from styr.load.access import Refused, read_inside
from styr.model.repository import load_repository, read_repository_files

SECRET = "hemligt-lösenord-123"


def _finish_within(seconds: float, work: Callable[[], object]) -> object:
    """Run `work` in a thread; fail the test (instead of hanging it) if it blocks."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "reading blocked"
    return result[0]


def _refused(root: Path, path: Path, max_bytes: int = 1024) -> Refused:
    with pytest.raises(Refused) as caught:
        read_inside(root, path, max_bytes=max_bytes)
    return caught.value


def _reason_words(refused: Refused) -> tuple[str, str]:
    return refused.reason("sv"), refused.reason("en")


# ------------------------------------------------------------------ read_inside


def test_a_regular_file_inside_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"a: 1\n")
    assert read_inside(tmp_path, tmp_path / "a.yaml", max_bytes=5) == b"a: 1\n"


@needs_symlinks
def test_a_symlink_that_stays_inside_is_followed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "real.yaml").write_bytes(b"a: 1\n")
    (tmp_path / "sub" / "link.yaml").symlink_to("../real.yaml")
    assert read_inside(tmp_path, tmp_path / "sub" / "link.yaml", max_bytes=100) == b"a: 1\n"


@needs_symlinks
def test_a_symlink_out_of_the_root_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (tmp_path / "config.yaml").write_text(f"password: {SECRET}\n", encoding="utf-8")
    (root / "z.yaml").symlink_to(tmp_path / "config.yaml")
    refused = _refused(root, root / "z.yaml")
    assert refused.key == "load-refused-outside"
    swedish, english = _reason_words(refused)
    assert "utanför" in swedish and "länk" in swedish
    assert "outside" in english


@needs_symlinks
def test_a_folder_linked_from_outside_does_not_open_a_way_out(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.yaml").write_bytes(b"a: 1\n")
    (root / "door").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert _refused(root, root / "door" / "x.yaml").key == "load-refused-outside"


@needs_symlinks
def test_a_symlink_loop_is_refused_not_raised(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    assert _refused(tmp_path, tmp_path / "a.yaml").key == "load-refused-link-loop"


@needs_symlinks
def test_a_dangling_symlink_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to("gone.yaml")
    assert _refused(tmp_path, tmp_path / "a.yaml").key == "load-refused-missing"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").mkdir()
    assert _refused(tmp_path, tmp_path / "x.yaml").key == "load-refused-folder"


@needs_posix
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f.yaml")
    outcome = _finish_within(5, lambda: _try_read(tmp_path, tmp_path / "f.yaml"))
    assert isinstance(outcome, Refused)
    assert outcome.key == "load-refused-fifo"


@needs_posix
def test_a_device_is_refused_before_reading(tmp_path: Path) -> None:
    assert _refused(Path("/dev"), Path("/dev/zero")).key == "load-refused-device"


@needs_posix
@can_fork
def test_a_file_one_may_not_read_is_refused() -> None:
    # Root reads every file: the read is tried as an ordinary user (tests/unprivileged.py).
    with folder_for_nobody() as folder:
        file = folder / "a.yaml"
        file.write_bytes(b"a: 1\n")
        file.chmod(0)
        assert as_unprivileged(lambda: _refused(folder, file).key) == "load-refused-permission"


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"a: 1\n")
    refused = _refused(tmp_path, tmp_path / "a.yaml", max_bytes=4)
    assert refused.key == "load-refused-too-large"
    swedish, english = _reason_words(refused)
    assert "5" in swedish and "4" in swedish
    assert "5" in english and "4" in english


@needs_symlinks
def test_read_inside_serves_any_root(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "part.html.j2").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "outside.txt").write_text(SECRET, encoding="utf-8")
    (templates / "leak.html.j2").symlink_to(tmp_path / "outside.txt")
    assert read_inside(templates, templates / "part.html.j2", max_bytes=100) == b"<p>x</p>"
    assert _refused(templates, templates / "leak.html.j2").key == "load-refused-outside"
    assert _refused(templates, templates / ".." / "outside.txt").key == "load-refused-outside"


def _try_read(root: Path, path: Path) -> object:
    try:
        return read_inside(root, path, max_bytes=1024)
    except Refused as refused:
        return refused


# ------------------------------------------------------------------ in a repository


def _hostile_files(repo: Path, outside: Path) -> dict[str, str]:
    """Files the issue names, each with the key of the reason it must be refused for."""
    (outside / "config.yaml").write_text(f"password: {SECRET}\n", encoding="utf-8")
    organisation = repo / "organisation"
    (organisation / "secret.yaml").symlink_to(outside / "config.yaml")
    (organisation / "loop.yaml").symlink_to("loop.yaml")
    expected = {"secret.yaml": "utanför", "loop.yaml": "slinga"}
    if sys.platform != "win32":
        (organisation / "z.yaml").symlink_to("/dev/zero")
        os.mkfifo(organisation / "f.yaml")
        expected |= {"z.yaml": "utanför", "f.yaml": "FIFO"}
    return expected


@needs_symlinks
def test_lint_reports_each_refused_file_and_never_its_contents(
    blank_repo: Path, tmp_path: Path
) -> None:
    expected = _hostile_files(blank_repo, tmp_path)
    result = _finish_within(30, lambda: lint_paths([blank_repo]))
    findings = result.findings  # type: ignore[attr-defined]
    refused = {f.file.name: f for f in findings if f.code == "Y001"}
    assert sorted(refused) == sorted(expected)
    for name, word in expected.items():
        finding = refused[name]
        assert (finding.line, finding.column) == (1, 1)
        assert word in finding.params["reason"]
        assert finding.params["reason_en"] and finding.params["reason_en"] != word
    assert all(SECRET not in str(f.params) for f in findings)


@needs_symlinks
def test_refused_files_read_nothing_and_do_not_load(blank_repo: Path, tmp_path: Path) -> None:
    expected = _hostile_files(blank_repo, tmp_path)
    contents = read_repository_files(blank_repo)
    names = {file.name: raw for file, raw in contents.items()}
    assert all(names[name] is None for name in expected)
    repository = load_repository(blank_repo, contents)
    documents = {d.file.name: d for d in repository.documents}
    for name in expected:
        document = documents[name]
        assert not document.loaded
        assert document.data is None
        assert document.failure is not None and document.failure.code == "Y001"
    assert documents["exempelnamnden.yaml"].loaded


@needs_symlinks
def test_a_symlink_inside_the_repository_is_linted(blank_repo: Path) -> None:
    (blank_repo / "organisation" / "kopia.yaml").symlink_to("exempelnamnden.yaml")
    findings = lint_paths([blank_repo]).findings
    assert "Y001" not in {f.code for f in findings}
    # Read through the link, the board is there twice: its id is a duplicate.
    assert any(
        f.code == "C004" and f.file == blank_repo / "organisation" / "kopia.yaml" for f in findings
    )


@needs_symlinks
def test_a_manifest_linked_from_outside_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.yaml").write_text(f"password: {SECRET}\n", encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "styr.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    document = load_repository(repo).manifest
    assert not document.loaded
    assert [f.code for f in document.findings] == ["Y001"]
    assert SECRET not in str(document.findings[0].params)


@needs_symlinks
def test_load_document_alone_reads_inside_the_files_own_folder(tmp_path: Path) -> None:
    (tmp_path / "inner").mkdir()
    (tmp_path / "secret.yaml").write_text(f"password: {SECRET}\n", encoding="utf-8")
    (tmp_path / "inner" / "a.yaml").symlink_to(tmp_path / "secret.yaml")
    document = load_document(tmp_path / "inner" / "a.yaml")
    assert not document.loaded
    assert document.findings[0].params["reason"].startswith("den är en symbolisk länk")


def test_the_size_limit_is_one_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(styr.load.limits, "MAX_FILE_BYTES", 4)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "styr.yaml").write_bytes(b"a: 1\n")
    assert read_repository_files(repo) == {repo / "styr.yaml": None}
    assert load_repository(repo).manifest.findings[0].code == "Y001"


@needs_symlinks
def test_a_folder_linked_from_outside_is_reported_not_walked(
    blank_repo: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.yaml").write_text(f"password: {SECRET}\n", encoding="utf-8")
    (blank_repo / "organisation" / "extern").symlink_to(elsewhere, target_is_directory=True)
    (blank_repo / "inne").symlink_to(blank_repo / "organisation", target_is_directory=True)
    findings = lint_paths([blank_repo]).findings
    refused = [f for f in findings if f.code == "Y001"]
    assert [(f.file, f.line, f.column) for f in refused] == [
        (blank_repo / "organisation" / "extern", 1, 1)
    ]
    assert "utanför" in refused[0].params["reason"]
    assert all(SECRET not in str(f.params) for f in findings)
    # The folder linked from inside is not walked twice: no duplicate ids.
    assert "C004" not in {f.code for f in findings}


@needs_posix
def test_refreshing_editor_help_leaves_a_fifo_alone(blank_repo: Path) -> None:
    from styr.editor_refresh import refresh_repository

    os.mkfifo(blank_repo / "organisation" / "f.yaml")
    changed = _finish_within(30, lambda: refresh_repository(blank_repo))
    assert blank_repo / "organisation" / "f.yaml" not in changed  # type: ignore[operator]
