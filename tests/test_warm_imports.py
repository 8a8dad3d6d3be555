"""A warm `styr lint` imports only what answering from the cache needs.

Importing is most of what such a run does, so a heavy module creeping back
into its path (rich, the YAML reader, the schemas, the rules, the checks)
is what makes it slow again. This is checked by what the process imported,
never by how long it took.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from filled import init_filled as init_repository
from import_probe import imports_of_run

# Modules that only a run which reads, checks or styles something needs.
HEAVY = (
    "rich",
    "yaml",
    "jsonschema",
    "jsonschema_rs",
    "multiprocessing",
    "tomllib",
    "xml",
    "styr.rules.catalogue",
    "styr.lint_checks",
    "styr.load.yaml_reader",
    "styr.kolada.snapshot",  # reading the stored Kolada list: the cache key needs only its stamp
    "dataclasses",  # each dataclass compiles its methods at import (styr.record says why)
)


def _run(arguments: list[str], *, pretend_old: bool = False) -> tuple[str, list[str]]:
    return imports_of_run(arguments, HEAVY, pretend_old=pretend_old)


@pytest.fixture
def repositories(tmp_path: Path) -> Path:
    for number in range(3):
        init_repository(tmp_path / "alla" / f"k{number}", "blank", f"K{number}", f"099{number}")
    return tmp_path / "alla"


@pytest.mark.parametrize("output_format", ["concise", "text"])
def test_a_warm_lint_imports_nothing_heavy(
    repositories: Path, tmp_path: Path, output_format: str
) -> None:
    arguments = [
        "lint",
        str(repositories),
        "--output-format",
        output_format,
        "--cache-dir",
        str(tmp_path / "cache"),
    ]
    cold_output, cold_imported = _run(arguments, pretend_old=True)
    assert "styr.lint_checks" in cold_imported  # the check below would see one come back
    warm_output, warm_imported = _run(arguments)
    assert warm_imported == []
    assert warm_output == cold_output
