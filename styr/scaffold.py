"""`styr init`: a new governance repository from a bundled steering model."""

from __future__ import annotations

import re
from pathlib import Path

from styr.errors import UsageError
from styr.files import write_atomic
from styr.resources import data_dir
from styr.schema_check import SCHEMA_SUFFIX, schema_names, schema_text

SCHEMA_FOLDER = "schemas"
_MODELINE = re.compile(r"^# yaml-language-server: \$schema=.*$", re.MULTILINE)


def starter_names() -> list[str]:
    return sorted(p.name for p in data_dir("starters").iterdir() if p.is_dir())


def init_repository(target: Path, starter: str, name: str, code: str) -> list[Path]:
    """Create `target` from a starter and return the files written.

    Refuses a target that exists and is not empty: init never overwrites.
    """
    if starter not in starter_names():
        raise UsageError("unknown-starter", name=starter, known=", ".join(starter_names()))
    if not re.fullmatch(r"[0-9]{4}", code):
        raise UsageError("bad-code", code=code)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError("target-not-empty", path=str(target))
    source = data_dir("starters") / starter
    written = []
    for file in sorted(source.rglob("*.yaml")):
        relative = file.relative_to(source)
        text = file.read_text(encoding="utf-8")
        text = text.replace("__KOMMUN__", name).replace("__KOD__", code)
        text = _point_modeline(text, relative)
        write_atomic(target / relative, text, overwrite=False)
        written.append(target / relative)
    for kind in [*schema_names(), "common"]:
        path = target / SCHEMA_FOLDER / f"{kind}{SCHEMA_SUFFIX}"
        write_atomic(path, schema_text(kind), overwrite=False)
        written.append(path)
    return written


def _point_modeline(text: str, relative: Path) -> str:
    """Point the editor modeline at the schema copy inside the new repository."""
    match = _MODELINE.search(text)
    kind = "manifest"
    kind_match = re.search(r"^kind: (\w+)", text, re.MULTILINE)
    if kind_match:
        kind = kind_match.group(1)
    up = "../" * (len(relative.parts) - 1)
    line = f"# yaml-language-server: $schema={up}{SCHEMA_FOLDER}/{kind}{SCHEMA_SUFFIX}"
    if match:
        return text[: match.start()] + line + text[match.end() :]
    return f"{line}\n{text}"
