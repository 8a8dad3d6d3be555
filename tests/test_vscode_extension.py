"""The VS Code extension in editors/vscode: its own tests under Node, and what it takes from styr.

The extension's tests (`node --test`) replace the `vscode` and
`vscode-languageclient` modules with stand-ins and check the command it
starts, the settings it passes and the files it selects; they need Node but
no npm install. One more starts the extension with the real
vscode-languageclient (after `npm ci` in editors/vscode, as .ci/vsix does) and
the real `styr lsp`. Outside CI (no `CI` in the environment) they skip without
Node or that npm install; in CI they fail. The rest checks that what the extension carries from
styr (the schemas' file patterns, the version) is what styr has.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import ROOT

from styr import __version__
from styr.editor import CONVENTIONAL_GLOBS, SCHEMA_FOLDER, schema_files
from styr.editor_texts import MANIFEST_TEXTS, MESSAGES
from styr.i18n import translate

EXTENSION = ROOT / "editors" / "vscode"


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        reason = "Node is not installed: run .ci/browser-setup"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return node


def _package() -> dict[str, Any]:
    package: dict[str, Any] = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    return package


def bundle_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("vscode_bundle", EXTENSION / "bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_extensions_own_tests_pass_under_node() -> None:
    done = subprocess.run(
        [_node(), "--test", "test/"],
        cwd=EXTENSION,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout
    passed = next(line for line in done.stdout.splitlines() if line.startswith("# pass "))
    assert int(passed.split()[-1]) >= 20  # the tests ran, not an empty folder


def _styr_program() -> str:
    """The `styr` installed with this Python (CI does not put its folder on PATH)."""
    beside = Path(sys.executable).with_name("styr.exe" if os.name == "nt" else "styr")
    found = str(beside) if beside.is_file() else shutil.which("styr")
    assert found, "styr is not installed beside this Python"
    return found


def test_the_extension_starts_styr_lsp_through_the_real_language_client() -> None:
    """extension.js, the vscode-languageclient npm installs and `styr lsp`, all real: the
    unsaved buffer is checked, and the schema is left to the YAML extension."""
    if not (EXTENSION / "node_modules" / "vscode-languageclient" / "package.json").is_file():
        reason = "vscode-languageclient not installed: run npm ci in editors/vscode (.ci/vsix)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    done = subprocess.run(
        [_node(), "--test", "integration/"],
        cwd=EXTENSION,
        env={**os.environ, "STYR_PATH": _styr_program()},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# pass 1" in done.stdout


def test_each_conventional_file_name_has_its_kinds_schema_in_the_extension() -> None:
    """The YAML extension is given the same globs `styr init` writes into .vscode/settings.json."""
    given = {
        glob: entry["url"]
        for entry in _package()["contributes"]["yamlValidation"]
        for glob in entry["fileMatch"]
    }
    expected = {
        glob: f"./{SCHEMA_FOLDER}/{kind}.schema.json" for glob, kind in CONVENTIONAL_GLOBS.items()
    }
    assert given == expected, "run: python editors/vscode/bundle.py"


def test_bundle_check_tells_an_out_of_date_package_json_or_translation(tmp_path: Path) -> None:
    bundle = bundle_module()
    text = (EXTENSION / "package.json").read_text(encoding="utf-8")
    assert bundle.out_of_date(EXTENSION, text) == [], "run: python editors/vscode/bundle.py"
    for relative, committed in bundle.committed_files(text).items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(committed, encoding="utf-8")
    package = json.loads(text)
    package["contributes"]["yamlValidation"] = package["contributes"]["yamlValidation"][1:]
    (tmp_path / "package.json").write_text(json.dumps(package), encoding="utf-8")
    (tmp_path / "package.nls.sv.json").write_text("{}\n", encoding="utf-8")
    stale = bundle.out_of_date(tmp_path, text)
    assert stale == ["package.json", "package.nls.sv.json"]


def test_the_extensions_swedish_comes_from_the_catalogue() -> None:
    """Each word VS Code shows in Swedish is the catalogue's for its English."""
    manifest = json.loads((EXTENSION / "package.nls.json").read_text(encoding="utf-8"))
    swedish = json.loads((EXTENSION / "package.nls.sv.json").read_text(encoding="utf-8"))
    assert set(manifest) == set(swedish) == set(MANIFEST_TEXTS)
    for key, text in MANIFEST_TEXTS.items():
        assert (manifest[key], swedish[key]) == (translate(text, "en"), translate(text, "sv"))
        assert swedish[key] != manifest[key]
    messages = json.loads((EXTENSION / "l10n" / "bundle.l10n.sv.json").read_text("utf-8"))
    assert messages == {translate(text, "en"): translate(text, "sv") for text in MESSAGES}


def test_the_bundle_carries_this_styrs_schemas_and_license() -> None:
    bundle = bundle_module()
    files = bundle.bundled_files((EXTENSION / "package.json").read_text(encoding="utf-8"))
    schemas = {name: text for name, text in files.items() if name.startswith(f"{SCHEMA_FOLDER}/")}
    assert schemas == {f"{SCHEMA_FOLDER}/{name}": text for name, text in schema_files().items()}
    assert files["LICENSE"] == (ROOT / "LICENSE").read_text(encoding="utf-8")
    urls = {
        entry["url"] for entry in json.loads(files["package.json"])["contributes"]["yamlValidation"]
    }
    assert {url.removeprefix("./") for url in urls} <= set(schemas)


def test_bundle_writes_into_its_folder_all_at_once(tmp_path: Path) -> None:
    """`python bundle.py` from a copy of the extension: package.json updated, schemas written."""
    copy = tmp_path / "editors" / "vscode"
    made = shutil.ignore_patterns("node_modules", "schemas", "LICENSE", "*.vsix")
    shutil.copytree(EXTENSION, copy, ignore=made)
    shutil.copy(ROOT / "LICENSE", tmp_path / "LICENSE")
    package = json.loads((copy / "package.json").read_text(encoding="utf-8"))
    package["contributes"]["yamlValidation"] = []
    (copy / "package.json").write_text(json.dumps(package), encoding="utf-8")
    check = [sys.executable, str(copy / "bundle.py"), "--check"]
    assert subprocess.run(check, capture_output=True, check=False).returncode == 1
    subprocess.run([sys.executable, str(copy / "bundle.py")], check=True)
    assert subprocess.run(check, capture_output=True, check=False).returncode == 0
    assert (copy / SCHEMA_FOLDER / "organisation.schema.json").is_file()
    assert (copy / "LICENSE").read_text(encoding="utf-8") == (ROOT / "LICENSE").read_text("utf-8")


def test_the_extension_has_the_version_of_the_styr_whose_schemas_it_carries() -> None:
    assert _package()["version"] == __version__
