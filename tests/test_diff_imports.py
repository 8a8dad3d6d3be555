"""`styr diff` of one municipality loads no more than comparing and wording it needs.

Importing is a large part of such a run, so a heavy module on its path (the
report's build with Jinja, pulled in to write a number) makes every diff
slow. This is checked by what the process imported, never by how long it took.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from diff_repos import isolated_environment, plain_folder

# Modules only the report (or the site) needs.
HEAVY = ("jinja2", "markupsafe", "styr.report.build", "styr.report.render", "styr.site")

RUNNER = """
import json, sys
arguments, heavy = json.loads(sys.argv[1])
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


@pytest.mark.parametrize("output_format", ["text", "json", "markdown"])
def test_a_diff_does_not_load_the_report(tmp_path: Path, output_format: str) -> None:
    plain_folder(tmp_path / "gammal")
    new = plain_folder(tmp_path / "ny")
    new.edit("organisation/kulturnamnden.yaml", "låna böcker", "låna och läsa böcker")
    process = subprocess.run(
        [
            sys.executable,
            "-c",
            RUNNER,
            json.dumps([["diff", "--from", "gammal", "--to", "ny", "-f", output_format], HEAVY]),
        ],
        cwd=tmp_path,
        env=isolated_environment(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert "läsa" in process.stdout  # the run did compare and word the change
    *_, imported = process.stderr.splitlines()
    assert json.loads(imported) == []
