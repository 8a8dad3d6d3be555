"""Editor help that travels with a repository: its own schema copies, modelines, VS Code settings.

A repository made by `styr init` carries everything an editor with a YAML
language server needs, with paths inside the repository only, so copying or
moving the folder keeps completion and hover help working:

* `schemas/`: a copy of every JSON Schema;
* a modeline on each file's first line, relative to the file and pointing into
  that copy (understood by every editor that uses yaml-language-server);
* `.vscode/settings.json`: `yaml.schemas` globs relative to the repository,
  which also cover files without a modeline (a follow-up file typed by hand,
  the `uppfoljning/kolada.yaml` that `styr kolada pull` writes);
* `.vscode/extensions.json`: VS Code offers to install the YAML extension.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import PurePosixPath

from styr.model.repository import MANIFEST
from styr.schema_validators import SCHEMA_SUFFIX, schema_names, schema_text

SCHEMA_FOLDER = "schemas"
SETTINGS_FILE = ".vscode/settings.json"
EXTENSIONS_FILE = ".vscode/extensions.json"
# `styr kolada pull` writes here by default, and the docs put follow-up files here.
FOLLOW_UP_FOLDER = "uppfoljning"
# `styr kolada pull --peers` writes here: a folder of its own, so that the
# follow-up folder's glob never gives the comparison the follow-up schema.
PEER_FOLDER = "jamforelse"
YAML_EXTENSION = "redhat.vscode-yaml"

# The names docs/format.md gives each kind of file, so that a file added later
# under one of them has help from the start, whatever the starter held.
CONVENTIONAL_GLOBS = {
    MANIFEST: "manifest",
    "vision.yaml": "vision",
    "program.yaml": "programme",
    "malomraden.yaml": "council",
    "inriktningar.yaml": "council",
    "styrdokument.yaml": "steering_documents",
    "organisation/**/*.yaml": "organisation",
    "verksamhetsplaner/**/*.yaml": "operational_plan",
    "arbetsplaner/**/*.yaml": "work_plan",
    f"{FOLLOW_UP_FOLDER}/**/*.yaml": "follow_up",
    f"{PEER_FOLDER}/**/*.yaml": "peer_values",
}

MODELINE_PREFIX = "# yaml-language-server: $schema="
_MODELINE = re.compile(r"^# yaml-language-server: \$schema=[^\r\n]*", re.MULTILINE)
_KIND = re.compile(r"^kind:[ \t]*['\"]?(\w+)", re.MULTILINE)


def schema_files() -> dict[str, str]:
    """Every schema file by its name, the shared definitions (`common`) included."""
    return {f"{kind}{SCHEMA_SUFFIX}": schema_text(kind) for kind in [*schema_names(), "common"]}


def file_kind(text: str, relative: PurePosixPath) -> str | None:
    """The schema for a file: the manifest's for `styr.yaml`, else the one its `kind:` names."""
    if relative == PurePosixPath(MANIFEST):
        return "manifest"
    match = _KIND.search(text)
    return match.group(1) if match and match.group(1) in schema_names() else None


def modeline(kind: str, relative: PurePosixPath) -> str:
    """The modeline for a file at `relative` (inside the repository) of this kind."""
    up = "../" * (len(relative.parts) - 1)
    return f"{MODELINE_PREFIX}{up}{SCHEMA_FOLDER}/{kind}{SCHEMA_SUFFIX}"


def with_modeline(text: str, relative: PurePosixPath) -> str:
    """`text` with its modeline pointing into the repository's schema copy.

    An existing modeline is replaced where it is; a file without one gets it
    as its first line. A file of no known kind is left as it is.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""  # a byte order mark stays first
    body = text[len(bom) :]
    kind = file_kind(body, relative)
    if kind is None:
        return text
    line = modeline(kind, relative)
    match = _MODELINE.search(body)
    if match:
        return bom + body[: match.start()] + line + body[match.end() :]
    newline = "\r\n" if "\r\n" in body else "\n"
    return f"{bom}{line}{newline}{body}"


def schema_globs(files: Mapping[PurePosixPath, str]) -> dict[str, list[str]]:
    """For each schema, the globs (relative to the repository) of the files of its kind.

    A file at the top is matched by its name; a file in a folder by the whole
    folder (`organisation/**/*.yaml`), so a new board's file is covered too.
    The conventional names of every kind are always covered, the follow-up
    folder (where `styr kolada pull` writes) included, even before they hold
    a file; a file of another kind under such a name wins over the convention.
    """
    pattern_kind: dict[str, str] = {}
    for relative, kind in sorted(files.items()):
        pattern = relative.name if len(relative.parts) == 1 else f"{relative.parts[0]}/**/*.yaml"
        pattern_kind.setdefault(pattern, kind)
    for pattern, kind in CONVENTIONAL_GLOBS.items():
        pattern_kind.setdefault(pattern, kind)
    by_schema: dict[str, list[str]] = {}
    for pattern, kind in sorted(pattern_kind.items()):
        by_schema.setdefault(f"./{SCHEMA_FOLDER}/{kind}{SCHEMA_SUFFIX}", []).append(pattern)
    return dict(sorted(by_schema.items()))


def vscode_files(files: Mapping[PurePosixPath, str]) -> dict[str, str]:
    """`.vscode/settings.json` and `.vscode/extensions.json` for a repository with these files."""
    settings = {"yaml.schemas": schema_globs(files)}
    extensions = {"recommendations": [YAML_EXTENSION]}
    return {SETTINGS_FILE: as_json(settings), EXTENSIONS_FILE: as_json(extensions)}


def editor_files(texts: Mapping[str, str]) -> dict[str, str]:
    """Everything a repository with these YAML files (relative path → text) needs for editors."""
    paths = {PurePosixPath(path): text for path, text in texts.items()}
    kinds = {path: kind for path, text in paths.items() if (kind := file_kind(text, path))}
    return {
        **{f"{SCHEMA_FOLDER}/{name}": text for name, text in schema_files().items()},
        **vscode_files(kinds),
    }


def as_json(value: object) -> str:
    """JSON as VS Code writes its settings: indented, UTF-8, a final line end."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def refreshed_files(texts: Mapping[str, str]) -> dict[str, str]:
    """A repository's YAML files (relative path → text) with modelines made right, plus the
    editor files for them: what the repository should hold for editors to help."""
    fixed = {path: with_modeline(text, PurePosixPath(path)) for path, text in texts.items()}
    return {**fixed, **editor_files(fixed)}
