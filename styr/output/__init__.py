"""Output formats for findings: one module per format behind one signature.

A formatter takes the lint result, the language and whether colour is wanted,
and returns the text to print or write. Adding a format is adding a module and
a line in FORMATTERS. `--statistics` is not a format but a count per rule:
see `styr.output.statistics.render_statistics`.
"""

from __future__ import annotations

from collections.abc import Callable

from styr.lint import LintResult
from styr.output import concise, github, gitlab, json_format, junit, sarif, text

Formatter = Callable[[LintResult, str, bool], str]

FORMATTERS: dict[str, Formatter] = {
    "text": text.render,
    "json": json_format.render,
    "concise": concise.render,
    "github": github.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "gitlab": gitlab.render,
}
