"""`styr schema --export`: the schema files written all or none, a file already right left
alone, and a file or a folder in the way refused."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import CliResult
from leftovers import leftovers

from styr.editor import schema_files

Run = Callable[..., CliResult]


def test_schema_export_onto_a_file_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "fil").write_text("mitt", encoding="utf-8")
    result = run_cli("schema", "--export", tmp_path / "fil")
    assert result.code == 2
    assert "är en fil, inte en mapp" in result.err
    assert (tmp_path / "fil").read_text(encoding="utf-8") == "mitt"


def test_schema_export_checks_every_file_before_it_writes_one(run_cli: Run, tmp_path: Path) -> None:
    folder = tmp_path / "s"
    assert run_cli("schema", "--export", folder).code == 0
    first, last = folder / "common.schema.json", folder / "work_plan.schema.json"
    first.write_text("{}", encoding="utf-8")
    last.write_text("{}", encoding="utf-8")
    (folder / "vision.schema.json").unlink()
    result = run_cli("schema", "--export", folder)
    assert result.code == 2
    assert "2 filer" in result.err and "inget skrevs" in result.err
    assert not (folder / "vision.schema.json").exists()  # not even the missing one
    assert first.read_text(encoding="utf-8") == last.read_text(encoding="utf-8") == "{}"
    assert run_cli("schema", "--export", folder, "--force").code == 0
    assert (folder / "vision.schema.json").is_file()
    assert first.read_text(encoding="utf-8") != "{}"


def test_schema_export_refuses_a_folder_where_a_schema_file_goes(
    run_cli: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "s"
    (folder / "vision.schema.json").mkdir(parents=True)
    result = run_cli("schema", "--export", folder, "--force")
    assert result.code == 2
    assert leftovers(folder) == ["vision.schema.json"]


def test_schema_export_failing_half_way_changes_nothing(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import styr.files_many

    folder = tmp_path / "s"
    assert run_cli("schema", "--export", folder).code == 0
    for file in folder.iterdir():
        file.write_text("{}", encoding="utf-8")
    real = styr.files_many.write_temporary
    calls = 0

    def fail_on_the_fifth(path: Path, data: bytes, **options: Any) -> Path:
        nonlocal calls
        calls += 1
        if calls == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data, **options)

    monkeypatch.setattr(styr.files_many, "write_temporary", fail_on_the_fifth)
    result = run_cli("schema", "--export", folder, "--force")
    assert result.code == 2
    assert {f.read_text(encoding="utf-8") for f in folder.iterdir()} == {"{}"}
    assert len(leftovers(folder)) == len(schema_files())  # no temporary file left


def test_schema_export_leaves_files_that_are_already_right_alone(
    run_cli: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "s"
    assert run_cli("schema", "--export", folder).code == 0
    stamps = {f.name: f.stat().st_mtime_ns for f in folder.iterdir()}
    os.utime(folder / "vision.schema.json", ns=(1, 1))
    assert run_cli("schema", "--export", folder).code == 0
    assert (folder / "vision.schema.json").stat().st_mtime_ns == 1
    assert {f.name for f in folder.iterdir()} == set(stamps)
