"""Output formats for findings: one module per format behind one signature.

A formatter takes the lint result, the language and whether colour is wanted,
and returns the text to print or write. Adding a format is adding a module and
a line in FORMATTERS.
"""

from __future__ import annotations

from collections.abc import Callable

from styr.lint import LintResult
from styr.output import json_format, text

Formatter = Callable[[LintResult, str, bool], str]

FORMATTERS: dict[str, Formatter] = {
    "text": text.render,
    "json": json_format.render,
}
