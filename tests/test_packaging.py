"""What a release ships: the sdist and the wheel `python -m build` makes from this checkout.

CI builds them once and passes the folder in STYR_DIST; run alone, the test
builds them itself (which needs the build package, from the test extra, and
the registry for the build backend). CI also installs each into a fresh
environment and runs a smoke test from outside the checkout (.ci/run).
"""

from __future__ import annotations

import email
import importlib.util
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from styr import __version__
from styr.schema_validators import SCHEMA_SUFFIX


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("STYR_DIST")
    if given:
        return Path(given)
    folder = tmp_path_factory.mktemp("dist")
    # With the backend at hand, no isolated build environment (and no download) is needed.
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-isolation"]
    built = subprocess.run(
        [sys.executable, "-m", "build", *isolation, "--outdir", str(folder), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return folder


def _one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, found
    return found[0]


def _wheel_names(dist: Path) -> set[str]:
    with zipfile.ZipFile(_one(dist, "styr-*.whl")) as wheel:
        return set(wheel.namelist())


def _sdist_names(dist: Path) -> set[str]:
    with tarfile.open(_one(dist, "styr-*.tar.gz")) as sdist:
        return {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}


def _tracked(folder: str) -> set[str]:
    listed = subprocess.run(
        ["git", "ls-files", folder], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout (an unpacked sdist)")
    return set(listed.stdout.split())


def test_the_wheel_carries_the_schemas_templates_models_and_translations(dist: Path) -> None:
    names = _wheel_names(dist)
    for schema in (ROOT / "schemas").glob(f"*{SCHEMA_SUFFIX}"):
        assert f"styr/_data/schemas/{schema.name}" in names
    for template in (ROOT / "templates").rglob("*.j2"):  # the site's in templates/site/
        relative = template.relative_to(ROOT / "templates").as_posix()
        assert f"styr/_data/templates/{relative}" in names
    starters = {n for n in names if n.startswith("styr/starters/")}
    shipped = {str(p.relative_to(ROOT)) for p in (ROOT / "styr" / "starters").rglob("*.yaml")}
    assert starters == shipped
    assert "styr/locale/sv/LC_MESSAGES/styr.mo" in names
    assert "styr/py.typed" in names
    assert not any(n.startswith(("tests/", "examples/", "benchmarks/")) for n in names)


def test_the_wheel_declares_the_command_and_the_metadata(dist: Path) -> None:
    with zipfile.ZipFile(_one(dist, "styr-*.whl")) as wheel:
        info = f"styr-{__version__}.dist-info"
        entry_points = wheel.read(f"{info}/entry_points.txt").decode("utf-8")
        metadata = email.message_from_bytes(wheel.read(f"{info}/METADATA"))
        names = set(wheel.namelist())
    assert "styr = styr.entry:run" in entry_points
    assert metadata["Name"] == "styr" and metadata["Version"] == __version__
    assert metadata["Requires-Python"] == ">=3.11"
    assert metadata["License-Expression"] == "MIT"
    assert f"{info}/licenses/LICENSE" in names
    assert "Quickstart" in str(metadata.get_payload())  # the README is the project page


def test_the_sdist_holds_what_the_tests_need(dist: Path) -> None:
    names = _sdist_names(dist)
    for required in ("pyproject.toml", "README.md", "LICENSE", "PKG-INFO"):
        assert required in names
    for folder in ("styr", "schemas", "templates", "examples", "tests", "docs", "editors"):
        assert _tracked(folder) <= names, folder
    assert "examples/helsingborg/.vscode/settings.json" in names


def test_the_release_carries_the_version_of_the_code(dist: Path) -> None:
    assert _one(dist, "styr-*.whl").name == f"styr-{__version__}-py3-none-any.whl"
    assert _one(dist, "styr-*.tar.gz").name == f"styr-{__version__}.tar.gz"
