"""`styr import outcomes` with workbooks that are no workbook: a usage error, never a traceback."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, CliResult

from styr.excel import workbook_file

Run = Callable[..., CliResult]


@pytest.fixture
def repository(example_copy: Callable[[str], Path]) -> Path:
    return example_copy("helsingborg")


def _refused(run_cli: Run, workbook: Path, repository: Path) -> CliResult:
    before = {p: p.read_bytes() for p in repository.rglob("*") if p.is_file()}
    result = run_cli("import", "outcomes", workbook, repository)
    assert result.code == 2, result.err
    assert "Traceback" not in result.err and "Internt fel" not in result.err
    assert {p: p.read_bytes() for p in repository.rglob("*") if p.is_file()} == before
    return result


def test_a_text_file_is_no_workbook(run_cli: Run, repository: Path, tmp_path: Path) -> None:
    workbook = tmp_path / "utfall.xlsx"
    workbook.write_text("indikator;utfall\nsfn-mal-1-ind-1;72,8\n", encoding="utf-8")
    assert ".xlsx" in _refused(run_cli, workbook, repository).err


def test_a_zip_without_a_workbook_in_it(run_cli: Run, repository: Path, tmp_path: Path) -> None:
    workbook = tmp_path / "utfall.xlsx"
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("readme.txt", "no workbook here")
    assert ".xlsx" in _refused(run_cli, workbook, repository).err


def test_a_password_protected_workbook_is_named_as_such(
    run_cli: Run, repository: Path, tmp_path: Path
) -> None:
    workbook = tmp_path / "utfall.xlsx"  # Excel saves an encrypted workbook as an OLE file
    workbook.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert "lösenord" in _refused(run_cli, workbook, repository).err


def test_a_workbook_that_unpacks_too_large_is_refused_before_parsing(
    run_cli: Run, repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(workbook, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 2_000_000)  # 2 MB that pack to 2 kB
    monkeypatch.setattr(workbook_file, "MAX_UNPACKED_BYTES", 1_000_000)
    parsed: list[object] = []
    monkeypatch.setattr(workbook_file, "_load", lambda *args: parsed.append(args))
    assert "MB" in _refused(run_cli, workbook, repository).err
    assert not parsed


def test_a_workbook_over_the_size_limit(
    run_cli: Run, repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = tmp_path / "stor.xlsx"
    workbook.write_bytes(b"PK" + bytes(5000))
    monkeypatch.setattr(workbook_file, "MAX_WORKBOOK_BYTES", 1000)
    assert "styr export xlsx" in _refused(run_cli, workbook, repository).err


def test_a_missing_workbook_and_a_folder(run_cli: Run, repository: Path, tmp_path: Path) -> None:
    _refused(run_cli, tmp_path / "finns-inte.xlsx", repository)
    _refused(run_cli, tmp_path, repository)


def test_an_empty_file_is_no_workbook(run_cli: Run, tmp_path: Path) -> None:
    workbook = tmp_path / "tom.xlsx"
    workbook.write_bytes(b"")
    result = run_cli("import", "outcomes", workbook, EXAMPLES / "helsingborg")
    assert result.code == 2
