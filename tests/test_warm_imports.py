"""A warm `styr lint` imports only what answering from the cache needs.

Importing is most of what such a run does, so a heavy module creeping back
into its path (rich, the YAML reader, the schemas, the rules, the checks)
is what makes it slow again. This is checked by what the process imported,
never by how long it took.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from filled import init_filled as init_repository

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
)

# Runs styr as its entry point does and reports which heavy modules were imported.
# The cold run pretends its files were written long ago, so that the stat index
# takes them (files written in the same moment are never indexed).
RUNNER = """
import json, sys, time
arguments, heavy, pretend_old = json.loads(sys.argv[1])
if pretend_old:
    import styr.lint
    styr.lint.now_ns = lambda: time.time_ns() + 10_000_000_000
sys.argv = ["styr", *arguments]
from styr.entry import main
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
loaded = set(sys.modules)
imported = [name for name in heavy if any(m == name or m.startswith(name + ".") for m in loaded)]
sys.stderr.write("\\n" + json.dumps(imported))
"""


def _run(arguments: list[str], *, pretend_old: bool = False) -> tuple[str, list[str]]:
    process = subprocess.run(
        [sys.executable, "-c", RUNNER, json.dumps([arguments, HEAVY, pretend_old])],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    *_, imported = process.stderr.splitlines()
    return process.stdout, json.loads(imported)


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
