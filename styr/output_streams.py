"""Standard output and standard error that can write every character styr writes.

Python writes a redirected stream (`styr status > status.txt`, a pipe, a CI
log) in the locale's encoding. On Windows that is the ANSI code page, cp1252
in Sweden, which has å, ä and ö but not the minus sign styr's Swedish numbers
use (−), the arrows and symbols of `styr status` (↗ ↘ ● ◐) or the box lines
of its tables: the first such character stopped the run with an internal
error. A console is not affected: Python writes to it in UTF-16 (PEP 528).

The choice, made once at start-up (`styr.entry`):

* A redirected stream whose encoding nobody chose is written in UTF-8. That
  is what cmd's `>` then stores byte for byte, what editors and Notepad open
  by default, what CI logs expect, and what Python itself does in UTF-8 mode
  (PEP 540), the default from Python 3.15 (PEP 686). PowerShell decodes a
  program's output with `[Console]::OutputEncoding` before its `>` writes the
  file; docs/configuration.md tells how to set it to UTF-8.
* An encoding the user chose (PYTHONIOENCODING, or UTF-8 mode) and a
  terminal's encoding are kept: a character that encoding lacks is written
  as "?" instead of stopping the run.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from typing import Any

UTF_8 = "utf-8"
# What a character the encoding lacks becomes: "?", never an error.
REPLACE = "replace"


def make_output_safe() -> None:
    """Let standard output and standard error write every character (see the module)."""
    for stream in (sys.stdout, sys.stderr):
        make_stream_safe(stream)


def make_stream_safe(stream: Any) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:  # no stream at all (pythonw), or one a caller put in place
        return
    errors = getattr(stream, "errors", None) or "strict"
    # stderr's "backslashreplace" is safe already and kept; "strict" is what stops a run.
    changes = {"errors": REPLACE if errors == "strict" else errors}
    if _encoding_free_to_change(stream) and not _is_utf_8(getattr(stream, "encoding", None)):
        changes["encoding"] = UTF_8  # given with `errors`, else reconfigure resets it to strict
    elif changes["errors"] == errors:
        return
    try:
        reconfigure(**changes)
    except (OSError, ValueError, LookupError, io.UnsupportedOperation):
        return  # a stream that cannot be changed writes as it did


def _encoding_free_to_change(stream: Any) -> bool:
    """Whether nobody chose the encoding: redirected, no PYTHONIOENCODING, not in UTF-8 mode."""
    if os.environ.get("PYTHONIOENCODING") or sys.flags.utf8_mode:
        return False
    try:
        return not stream.isatty()
    except (OSError, ValueError):  # closed or detached: leave it alone
        return False


def _is_utf_8(encoding: str | None) -> bool:
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name == UTF_8
    except LookupError:
        return False
