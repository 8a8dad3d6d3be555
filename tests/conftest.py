"""Shared fixtures: a fresh repository from the blank starter, and a CLI runner.

Also the hypothesis profile of the run (`hypothesis_profile`): under CI every
property test draws the same examples each run, and another profile explores.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from filled import fill_placeholders
from hypothesis import HealthCheck, settings

from styr.cli import main
from styr.scaffold import init_repository

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# CI: each test's examples come from a seed made from the test itself (derandomize), so a
# run fails or passes as the one before did; no deadline, since a shared machine's speed
# is no test; nothing kept between runs; a failure printed with the blob that replays it.
# Both from hypothesis' own default, whatever profile hypothesis loaded when it was imported
# (recent releases load their own "ci" where they see CI).
settings.register_profile(
    "ci",
    settings.get_profile("default"),
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# A hunt for new failures: new examples every run and more of them; what fails is kept in
# .hypothesis/ (ignored by git) and tried first the next time.
settings.register_profile(
    "explore", settings.get_profile("default"), derandomize=False, max_examples=1000, deadline=None
)


def hypothesis_profile(environ: Mapping[str, str]) -> str:
    """The profile a run uses: STYR_HYPOTHESIS_PROFILE when given, else "ci" where the
    variable CI says the run is CI (GitHub, GitLab and `.ci/run` set it), else hypothesis'
    own default, which draws new examples each run."""
    chosen = environ.get("STYR_HYPOTHESIS_PROFILE")
    if chosen:
        return chosen
    in_ci = environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return "ci" if in_ci else "default"


settings.load_profile(hypothesis_profile(os.environ))


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def user_cache_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The user's cache folder (the lint cache's secret and entries), a fresh one per test.

    Tests never touch the cache of the person running them.
    """
    folder = tmp_path_factory.mktemp("user-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.setenv("LOCALAPPDATA", str(folder))
    return folder


@pytest.fixture
def run_cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., CliResult]:
    """Run `styr ARGS` in-process through the real entry point, with a cache of its own."""
    cache_dir = tmp_path_factory.mktemp("cache")
    # CI may run under GitHub Actions; a test that wants its output format says so.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(*args: str | Path) -> CliResult:
        monkeypatch.setattr(sys, "argv", ["styr", *map(str, args)])
        monkeypatch.setenv("STYR_CACHE_DIR", str(cache_dir))
        code = 0
        try:
            main()
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def blank_repo(tmp_path: Path) -> Path:
    """A repository made by `styr init` from the blank model, placeholders written: lints clean."""
    target = tmp_path / "kommun"
    init_repository(target, "blank", "Testby", "0999")
    return fill_placeholders(target)


@pytest.fixture
def example_copy(tmp_path: Path) -> Callable[[str], Path]:
    """A writable copy of a bundled example (or fixture repository) to break."""

    def copy(name: str) -> Path:
        source = EXAMPLES / name if (EXAMPLES / name).is_dir() else FIXTURES / "repos" / name
        target = tmp_path / name
        shutil.copytree(source, target)
        return target

    return copy
