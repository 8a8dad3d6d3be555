"""The property tests' hypothesis profile: the same examples every CI run, others to explore."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import hypothesis_profile
from hypothesis import settings

TESTS = Path(__file__).resolve().parent

# A property test as the suite's are, run in a process of its own with the suite's profile.
DRAWN = f"""
import json, sys
sys.path.insert(0, {str(TESTS)!r})
import conftest  # noqa: F401 - loads the profile, as pytest does
from hypothesis import given, strategies as st

seen = []

@given(st.integers())
def property_test(number):
    seen.append(number)

property_test()
print(json.dumps(seen))
"""


@pytest.mark.parametrize(
    ("environ", "profile"),
    [
        ({"CI": "true"}, "ci"),  # GitHub Actions, GitLab CI
        ({"CI": "1"}, "ci"),  # .ci/run
        ({}, "default"),
        ({"CI": ""}, "default"),
        ({"CI": "false"}, "default"),
        ({"CI": "1", "STYR_HYPOTHESIS_PROFILE": "explore"}, "explore"),
        ({"STYR_HYPOTHESIS_PROFILE": "ci"}, "ci"),  # CI's examples, on one's own machine
    ],
)
def test_the_profile_follows_the_environment(environ: dict[str, str], profile: str) -> None:
    assert hypothesis_profile(environ) == profile


def test_the_ci_profile_is_seeded_and_has_no_deadline() -> None:
    ci = settings.get_profile("ci")
    assert ci.derandomize and ci.deadline is None and ci.database is None


def _drawn(tmp_path: Path, **environ: str) -> list[int]:
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "STYR_HYPOTHESIS_PROFILE")}
    process = subprocess.run(
        [sys.executable, "-c", DRAWN],
        env={**clean, **environ},
        cwd=tmp_path,  # where an exploring run keeps what it found
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    drawn: list[int] = json.loads(process.stdout)
    return drawn


def test_every_ci_run_draws_the_same_examples(tmp_path: Path) -> None:
    first = _drawn(tmp_path, CI="1")
    assert len(first) > 10 and _drawn(tmp_path, CI="1") == first


def test_an_exploring_run_draws_other_examples(tmp_path: Path) -> None:
    first = _drawn(tmp_path, CI="1", STYR_HYPOTHESIS_PROFILE="explore")
    assert len(first) >= 1000
    assert _drawn(tmp_path, CI="1", STYR_HYPOTHESIS_PROFILE="explore") != first
