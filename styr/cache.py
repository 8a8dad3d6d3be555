"""An on-disk cache of lint results, one entry per repository.

The goal chain runs across files, so a repository is the unit: its entry is
keyed by a hash of every YAML file's bytes, the tool's version, the schemas,
any pyproject.toml above it and the date rules compare with. Entries are
written atomically, so concurrent runs never see half an entry; an entry that
cannot be read is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from styr import __version__
from styr.resources import data_dir

FORMAT = 1
GITIGNORE = "# Made by styr: a cache, never to be committed.\n*\n"


def default_folder() -> Path:
    return Path(".styr_cache")


@cache
def _schemas_digest() -> str:
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(data_dir("schemas").glob("*.json")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class LintCache:
    folder: Path

    def key(self, root: Path, contents: dict[Path, bytes | None], today: date) -> str:
        digest = hashlib.blake2b(digest_size=20)
        for part in (str(FORMAT), __version__, _schemas_digest(), today.isoformat()):
            digest.update(part.encode() + b"\0")
        for pyproject in _pyprojects(root):
            digest.update(pyproject.read_bytes() + b"\0")
        for file, raw in contents.items():
            digest.update(file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(raw if raw is not None else b"\0unreadable")
            digest.update(b"\0")
        return digest.hexdigest()

    def load(self, key: str) -> dict[str, Any] | None:
        try:
            entry = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # missing or corrupt: lint again
        return entry if isinstance(entry, dict) and entry.get("format") == FORMAT else None

    def store(self, key: str, entry: dict[str, Any]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text(GITIGNORE, encoding="utf-8")
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump({"format": FORMAT, **entry}, stream, ensure_ascii=False, default=str)
            os.replace(temporary, self.folder / f"{key}.json")
        except OSError:
            pass  # a cache that cannot be written only costs speed


def _pyprojects(root: Path) -> list[Path]:
    resolved = root.resolve()
    return [
        p / "pyproject.toml"
        for p in [resolved, *resolved.parents]
        if (p / "pyproject.toml").is_file()
    ]
