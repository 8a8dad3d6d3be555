"""Repositories from `styr init` with their placeholders written, as a planner leaves them.

`styr init` marks what the planner must write ("FYLL I: …"), and `styr lint`
reports each such text (X003). Tests that want a repository that lints clean
write every placeholder first, as a planner would.
"""

from __future__ import annotations

import re
from pathlib import Path

from styr.rules.placeholders import is_placeholder
from styr.scaffold import init_repository

WRITTEN = "Texten är skriven av planeraren."
_VALUE = re.compile(r"^(?P<lead>\s*(?:- )?(?:[\w-]+:\s+)?)(?P<value>.*)$")


def fill_placeholders(root: Path) -> Path:
    """Write a plain text in place of every placeholder in the repository's YAML files."""
    for path in sorted(root.rglob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        changed = False
        for number, line in enumerate(lines):
            match = _VALUE.match(line.rstrip("\n"))
            if match is None or line.lstrip().startswith("#"):
                continue
            if not is_placeholder(match["value"].strip("\"'")):
                continue
            lines[number] = f"{match['lead']}{WRITTEN}\n"
            changed = True
        if changed:
            path.write_text("".join(lines), encoding="utf-8")
    return root


def init_filled(target: Path, starter: str, name: str, code: str) -> list[Path]:
    """`styr init`, then every placeholder written: a new repository that lints clean."""
    written = init_repository(target, starter, name, code)
    fill_placeholders(target)
    return written
