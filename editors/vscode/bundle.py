"""What the VS Code extension carries from styr itself, made from styr rather than by hand.

* `contributes.yamlValidation` in package.json: the globs `styr init` writes to
  a repository's `.vscode/settings.json` (styr.editor), each to its schema;
* the words of the manifest and the messages, English and Swedish
  (`package.nls.json`, `package.nls.sv.json`, `l10n/bundle.l10n.sv.json`),
  from styr's one catalogue (styr.editor_texts);
* `schemas/`: the JSON Schemas of this version of styr;
* `LICENSE`: styr's own.

package.json and the words are committed, so the extension runs from the
checkout; the schemas and LICENSE are written only for packaging.
`python bundle.py` brings them all up to date before `vsce package`;
`python bundle.py --check` only says whether the committed files are up to
date (exit code 1 if not), as the tests do.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from styr.editor import SCHEMA_FOLDER, as_json, schema_files, schema_globs
from styr.editor_texts import MANIFEST_TEXTS, MESSAGES
from styr.files_many import write_files
from styr.i18n import translate

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "package.json"
LICENSE = HERE.parent.parent / "LICENSE"


def yaml_validation() -> list[dict[str, Any]]:
    """The schema of each kind of file by the conventional names of that kind.

    The YAML extension adds `**/` in front of each glob, so they match in any
    folder; a repository's own `.vscode/settings.json` (and a file's modeline)
    goes before them.
    """
    return [{"fileMatch": globs, "url": url} for url, globs in schema_globs({}).items()]


def with_yaml_validation(package: dict[str, Any]) -> dict[str, Any]:
    contributes = {**package["contributes"], "yamlValidation": yaml_validation()}
    return {**package, "contributes": contributes}


def translation_files() -> dict[str, str]:
    """VS Code's translation files: the manifest's %key% words, and the messages by their
    English (vscode.l10n looks them up so)."""
    manifest = {
        f"package.nls{suffix}.json": as_json(
            {key: translate(text, language) for key, text in MANIFEST_TEXTS.items()}
        )
        for suffix, language in (("", "en"), (".sv", "sv"))
    }
    messages = {translate(text, "en"): translate(text, "sv") for text in MESSAGES}
    return {**manifest, "l10n/bundle.l10n.sv.json": as_json(messages)}


def committed_files(package_text: str) -> dict[str, str]:
    """The files the checkout holds (relative path → text), as styr would have them."""
    package = with_yaml_validation(json.loads(package_text))
    return {"package.json": as_json(package), **translation_files()}


def bundled_files(package_text: str) -> dict[str, str]:
    """Every file the bundle writes (relative path → text)."""
    return {
        **committed_files(package_text),
        **{f"{SCHEMA_FOLDER}/{name}": text for name, text in schema_files().items()},
        "LICENSE": LICENSE.read_text(encoding="utf-8"),
    }


def out_of_date(folder: Path, package_text: str) -> list[str]:
    """The committed files of the extension in `folder` that differ from what styr has.

    package.json is compared as JSON (its layout is the editor's); the words as text.
    """
    stale = []
    for relative, text in committed_files(package_text).items():
        path = folder / relative
        held = path.read_text(encoding="utf-8") if path.is_file() else None
        if relative == "package.json":
            same = held is not None and json.loads(held) == json.loads(text)
        else:
            same = held == text
        if not same:
            stale.append(relative)
    return stale


def main(arguments: list[str]) -> int:
    package_text = PACKAGE.read_text(encoding="utf-8")
    if arguments == ["--check"]:
        stale = out_of_date(HERE, package_text)
        if not stale:
            return 0
        print(f"not as styr has them: {', '.join(stale)}; run: python bundle.py")
        return 1
    if arguments:
        print("usage: python bundle.py [--check]")
        return 2
    write_files(HERE, bundled_files(package_text), overwrite=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
