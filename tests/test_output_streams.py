"""Output redirected in an encoding that lacks a character styr writes never stops the run."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import repository_with_negative_amounts

from styr.output_streams import make_stream_safe

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "huddinge"
# `styr status` of the example: the minus sign of "− försämras" and the table's box lines.
MINUS = "\u2212"

# Standard output as Python opens it on Windows when it is redirected: the
# ANSI code page, cp1252 in Sweden, with no encoding chosen by the user.
AS_ON_WINDOWS = """\
import io, sys
sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="cp1252")
sys.stderr = io.TextIOWrapper(sys.stderr.buffer, encoding="cp1252", errors="backslashreplace")
sys.argv = ["styr", *sys.argv[1:]]
from styr.entry import main
main()
"""


def _run(
    arguments: list[str], code: str | None = None, **environment: str
) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env |= {"STYR_LANG": "sv", "PYTHONUTF8": "0", **environment}
    command = ["-c", code] if code else ["-m", "styr"]
    return subprocess.run(
        [sys.executable, *command, *arguments], capture_output=True, env=env, check=False
    )


def test_status_written_in_a_chosen_code_page_shows_what_it_can_and_finishes() -> None:
    result = _run(["status", str(EXAMPLE)], PYTHONIOENCODING="cp1252")
    errors = result.stderr.decode("cp1252")
    assert result.returncode == 0, errors
    assert "Traceback" not in errors and "Internt fel" not in errors
    shown = result.stdout.decode("cp1252")
    assert "? försämras" in shown  # the encoding the user chose is kept; − it lacks
    assert "Grundskolenämnden" in shown


def test_status_redirected_in_the_windows_code_page_is_written_in_utf_8() -> None:
    result = _run(["status", str(EXAMPLE)], AS_ON_WINDOWS)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    shown = result.stdout.decode("utf-8")
    assert f"{MINUS} försämras" in shown
    assert "Grundskolenämnden" in shown


@pytest.mark.parametrize(
    ("chosen", "encoding", "minus"),
    [({"PYTHONIOENCODING": "cp1252"}, "cp1252", "?"), ({}, "utf-8", MINUS)],
)
def test_a_finding_with_a_minus_sign_keeps_its_exit_code(
    tmp_path: Path, chosen: dict[str, str], encoding: str, minus: str
) -> None:
    repo = repository_with_negative_amounts(tmp_path)
    result = _run(["lint", str(repo), "--fail-on", "warning"], AS_ON_WINDOWS, **chosen)
    assert result.returncode == 1, result.stderr.decode(encoding, "replace")
    assert b"Traceback" not in result.stderr
    assert f"från {minus}1\u00a0250,5" in result.stdout.decode(encoding)


@pytest.mark.parametrize("errors", ["strict", "backslashreplace"])
def test_a_redirected_stream_in_a_code_page_writes_utf_8_without_an_error(
    monkeypatch: pytest.MonkeyPatch, errors: str
) -> None:
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252", errors=errors)
    make_stream_safe(stream)
    stream.write(f"{MINUS}3,5 ↗ ”målet”")
    stream.flush()
    expected = f"{MINUS}3,5 ↗ ”målet”".encode() if not sys.flags.utf8_mode else None
    assert expected is None or raw.getvalue() == expected
    assert stream.errors == ("replace" if errors == "strict" else errors)


def test_an_encoding_the_user_chose_is_kept_and_what_it_lacks_is_replaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PYTHONIOENCODING", "cp1252")
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    make_stream_safe(stream)
    stream.write(f"{MINUS}3,5 i år")
    stream.flush()
    assert raw.getvalue() == "?3,5 i år".encode("cp1252")


def test_a_stream_that_cannot_be_changed_is_left_as_it_is() -> None:
    class Plain:
        def write(self, text: str) -> int:
            return len(text)

    make_stream_safe(Plain())
    make_stream_safe(None)
