"""Runs styr as its entry point does and says which of the named heavy modules it imported.

What a run imported is checked, never how long it took.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

# With `pretend_old` the run pretends its files were written long ago, so that the
# stat index takes them (files written in the same moment are never indexed).
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


def imports_of_run(
    arguments: list[str],
    heavy: Sequence[str],
    *,
    pretend_old: bool = False,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    encoding: str | None = None,
) -> tuple[str, list[str]]:
    """The run's standard output, and which of `heavy` (or their submodules) it imported."""
    process = subprocess.run(
        [sys.executable, "-c", RUNNER, json.dumps([arguments, list(heavy), pretend_old])],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding=encoding,
        check=False,
        timeout=120,
    )
    *_, imported = process.stderr.splitlines()
    return process.stdout, json.loads(imported)
