"""What the VS Code extension carries from styr itself, made from styr rather than by hand.

* `contributes.yamlValidation` in package.json: the globs `styr init` writes to
  a repository's `.vscode/settings.json` (styr.editor), each to its schema;
* `schemas/`: the JSON Schemas of this version of styr;
* `LICENSE`: styr's own.

`python bundle.py` brings them up to date before `vsce package`;
`python bundle.py --check` only says whether package.json is up to date
(exit code 1 if not), as the tests do.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from styr.editor import SCHEMA_FOLDER, as_json, schema_files, schema_globs
from styr.files_many import write_files

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


def bundled_files(package_text: str) -> dict[str, str]:
    """Every file the bundle writes (relative path → text)."""
    package = with_yaml_validation(json.loads(package_text))
    return {
        "package.json": as_json(package),
        **{f"{SCHEMA_FOLDER}/{name}": text for name, text in schema_files().items()},
        "LICENSE": LICENSE.read_text(encoding="utf-8"),
    }


def is_up_to_date(package_text: str) -> bool:
    package = json.loads(package_text)
    return bool(package == with_yaml_validation(package))


def main(arguments: list[str]) -> int:
    package_text = PACKAGE.read_text(encoding="utf-8")
    if arguments == ["--check"]:
        if is_up_to_date(package_text):
            return 0
        print("package.json: yamlValidation differs from styr's globs; run: python bundle.py")
        return 1
    if arguments:
        print("usage: python bundle.py [--check]")
        return 2
    write_files(HERE, bundled_files(package_text), overwrite=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
