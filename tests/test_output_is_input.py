"""-o never writes onto one of a steering model's own files (styr report, styr diff)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, CliResult

from styr.messages import message
from styr.model.repository import MANIFEST

Run = Callable[..., CliResult]


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    copy = tmp_path / "helsingborg"
    shutil.copytree(EXAMPLES / "helsingborg", copy)
    return copy


def _commands(repository: Path) -> list[list[str | Path]]:
    return [
        ["report", repository, "-f", "markdown"],
        ["diff", "--from", repository, "--to", repository, "-f", "markdown"],
    ]


@pytest.mark.parametrize("command", [0, 1], ids=["report", "diff"])
@pytest.mark.parametrize(
    "target", [MANIFEST, "organisation/kulturnamnden.yaml", "uppfoljning/ny.YML"]
)
def test_an_output_onto_a_file_lint_reads_is_refused_and_the_file_kept(
    run_cli: Run, repository: Path, command: int, target: str
) -> None:
    path = repository / target
    before = path.read_bytes() if path.exists() else None
    result = run_cli(*_commands(repository)[command], "-o", path, "--lang", "sv")
    assert result.code == 2
    assert message("output-is-input", "sv", path=str(path)) in result.err
    assert (path.read_bytes() if path.exists() else None) == before


@pytest.mark.parametrize("command", [0, 1], ids=["report", "diff"])
def test_an_output_beside_the_model_is_written(
    run_cli: Run, repository: Path, tmp_path: Path, command: int
) -> None:
    for name in ("rapport.md", "rapport.yaml"):
        target = tmp_path / name  # outside the folder with styr.yaml
        assert run_cli(*_commands(repository)[command], "-o", target).code == 0
        assert target.read_text(encoding="utf-8")


def test_an_empty_output_name_is_a_usage_error_of_its_own(run_cli: Run, repository: Path) -> None:
    result = run_cli(*_commands(repository)[1], "-o", "", "--lang", "sv")
    assert result.code == 2
    assert message("output-empty", "sv") in result.err
