"""The command's exit (`styr.entry.run`, `leave`): the same codes, output and clean-up as
`sys.exit`, without Python freeing every object first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HELSINGBORG = Path(__file__).resolve().parents[1] / "examples" / "helsingborg"


def _python(code: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *arguments],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "STYR_LANG": "sv"},
    )


@pytest.mark.parametrize(
    ("code", "status", "error"),
    [("None", 0, ""), ("0", 0, ""), ("3", 3, ""), ("'Fel i indata'", 1, "Fel i indata\n")],
)
def test_leave_ends_with_the_status_and_words_sys_exit_gives(
    code: str, status: int, error: str
) -> None:
    result = _python(f"from styr.entry import leave; print('svar', end=''); leave({code})")
    assert (result.returncode, result.stdout, result.stderr) == (status, "svar", error)


def test_leave_runs_the_exit_functions_before_the_streams_are_flushed() -> None:
    code = (
        "import atexit; from styr.entry import leave\n"
        "atexit.register(lambda: print('städat'))\n"
        "print('först', end=' '); leave(2)\n"
    )
    result = _python(code)
    assert (result.returncode, result.stdout) == (2, "först städat\n")


def test_leave_does_not_free_what_is_still_alive() -> None:
    # The time saved: Python's own exit would call this finaliser.
    code = (
        "from styr.entry import leave\n"
        "class Noisy:\n"
        "    def __del__(self): print('frigjord')\n"
        "kept = Noisy(); leave(0)\n"
    )
    assert _python(code).stdout == ""
    assert _python(code.replace("leave(0)", "raise SystemExit(0)")).stdout == "frigjord\n"


def test_leave_waits_for_a_running_thread_as_the_ordinary_exit_does() -> None:
    code = (
        "import threading, time; from styr.entry import leave\n"
        "threading.Thread(target=lambda: (time.sleep(0.2), print('tråden klar'))).start()\n"
        "leave(4)\n"
    )
    result = _python(code)
    assert (result.returncode, result.stdout) == (4, "tråden klar\n")


@pytest.mark.parametrize(
    "arguments",
    [
        ["lint", str(HELSINGBORG), "--no-cache"],
        ["lint", str(HELSINGBORG), "--no-cache", "--output-format", "json"],
        ["status", str(HELSINGBORG)],
        ["lint", str(HELSINGBORG / "finns-inte")],
        ["rapport"],
        ["--version"],
    ],
)
def test_the_command_exits_as_main_does(arguments: list[str]) -> None:
    through_main = (
        "import sys; sys.argv = ['styr', *sys.argv[1:]]\nfrom styr.entry import main\nmain()\n"
    )
    through_run = through_main.replace("import main\nmain()", "import run\nrun()")
    expected = _python(through_main, *arguments)
    result = _python(through_run, *arguments)
    assert (result.returncode, result.stdout, result.stderr) == (
        expected.returncode,
        expected.stdout,
        expected.stderr,
    )
    assert "Traceback" not in result.stderr


def test_python_m_styr_uses_the_same_exit() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "styr", "lint", str(HELSINGBORG / "finns-inte")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "STYR_LANG": "sv"},
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
