"""`styr diff` of one municipality loads no more than comparing and wording it needs.

Importing is a large part of such a run, so a heavy module on its path (the
report's build with Jinja, pulled in to write a number) makes every diff
slow. This is checked by what the process imported, never by how long it took.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from diff_repos import isolated_environment, plain_folder
from import_probe import imports_of_run

# Modules only the report (or the site) needs.
HEAVY = ("jinja2", "markupsafe", "styr.report.build", "styr.report.render", "styr.site")


@pytest.mark.parametrize("output_format", ["text", "json", "markdown"])
def test_a_diff_does_not_load_the_report(tmp_path: Path, output_format: str) -> None:
    plain_folder(tmp_path / "gammal")
    new = plain_folder(tmp_path / "ny")
    new.edit("organisation/kulturnamnden.yaml", "låna böcker", "låna och läsa böcker")
    output, imported = imports_of_run(
        ["diff", "--from", "gammal", "--to", "ny", "-f", output_format],
        HEAVY,
        cwd=tmp_path,
        env=isolated_environment(),
        encoding="utf-8",
    )
    assert "läsa" in output  # the run did compare and word the change
    assert imported == []
