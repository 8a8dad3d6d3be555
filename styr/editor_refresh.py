"""Bringing an existing repository's editor help up to date (`styr schema --export REPO`).

After a new version of styr, a file moved to another folder, or a repository
made before styr wrote VS Code settings: the schema copy is rewritten, each
file's modeline pointed at it again, and the `yaml.schemas` globs of
`.vscode/settings.json` replaced, while every other setting (and any schema
mapping of the user's own) is kept. Everything is written at once or not at
all, and a file already right is not touched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from styr.editor import (
    EXTENSIONS_FILE,
    SCHEMA_FOLDER,
    SETTINGS_FILE,
    YAML_EXTENSION,
    as_json,
    refreshed_files,
)
from styr.errors import UsageError
from styr.files import write_files
from styr.load import limits
from styr.load.access import Refused, read_inside

_OURS = f"./{SCHEMA_FOLDER}/"


def refresh_repository(root: Path) -> list[Path]:
    """Rewrite what editors need in the repository at `root`; returns the files changed."""
    wanted = refreshed_files(_yaml_texts(root))
    wanted[SETTINGS_FILE] = _merged_settings(root / SETTINGS_FILE, wanted[SETTINGS_FILE])
    wanted[EXTENSIONS_FILE] = _merged_extensions(root / EXTENSIONS_FILE)
    return write_files(root, wanted, overwrite=True)


def _yaml_texts(root: Path) -> dict[str, str]:
    """The repository's YAML files as text, line ends as they are.

    A file that is not UTF-8 is left alone: `styr lint` reports it, and a
    modeline is not worth rewriting a file styr cannot read as the user wrote it.
    A symbolic link is left alone too: styr never writes through one. So is
    a file styr may not read (a FIFO, a device, one too large: see
    `styr.load.access`), which `styr lint` reports.
    """
    from styr.load.access import Refused, read_inside
    from styr.load.limits import MAX_FILE_BYTES
    from styr.model.repository import MANIFEST, repository_files

    texts = {}
    for file in [root / MANIFEST, *repository_files(root)]:
        if file.is_symlink():
            continue
        try:
            data = read_inside(root, file, max_bytes=MAX_FILE_BYTES)
        except Refused:
            continue
        try:
            texts[file.relative_to(root).as_posix()] = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
    return texts


def _merged_settings(path: Path, ours_text: str) -> str:
    """The user's settings with our `yaml.schemas` entries in place of the old ones."""
    existing = _read_object(path)
    if existing is None:
        return ours_text
    ours: dict[str, Any] = json.loads(ours_text)["yaml.schemas"]
    theirs = existing.get("yaml.schemas")
    if not isinstance(theirs, dict):
        theirs = {}
    kept = {key: value for key, value in theirs.items() if not str(key).startswith(_OURS)}
    existing["yaml.schemas"] = {**kept, **ours}
    return as_json(existing)


def _merged_extensions(path: Path) -> str:
    existing = _read_object(path) or {}
    recommended = existing.get("recommendations")
    recommended = list(recommended) if isinstance(recommended, list) else []
    if YAML_EXTENSION not in recommended:
        recommended.append(YAML_EXTENSION)
    existing["recommendations"] = recommended
    return as_json(existing)


def _read_object(path: Path) -> dict[str, Any] | None:
    """A JSON object from `path`, None when there is no file; refuses what is not plain JSON.

    VS Code also accepts comments in its settings; rewriting such a file would
    lose them, so it is left for the user to change by hand.
    """
    if not path.exists():
        return None
    try:  # as every file styr opens (styr.load.access): a FIFO does not block, the size is capped
        raw = read_inside(path.parent, path, max_bytes=limits.MAX_FILE_BYTES)
    except Refused as refused:
        reasons = {"reason": refused.reason("sv"), "reason_en": refused.reason("en")}
        raise UsageError("editor-settings-refused", path=str(path), **reasons) from None
    text = raw.decode("utf-8", errors="replace")
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        raise UsageError("editor-settings-unreadable", path=str(path)) from None
    if not isinstance(value, dict):
        raise UsageError("editor-settings-unreadable", path=str(path))
    return value
