"""Output formats for findings: one module per format behind one signature.

A formatter takes the lint result, the language and whether colour is wanted,
and returns the text to print or write. Adding a format is adding a module and
a line in FORMATTERS. `--statistics` is not a format but a count per rule:
see `styr.output.statistics.render_statistics`.

A format's module is imported only when that format is asked for: a run
answered from the cache does little else than print, and importing every
format (rich, XML, the rules' catalogue) took longer than the rest of it.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from styr.lint import LintResult

Formatter = Callable[["LintResult", str, bool], str]


def _formatter(module: str) -> Formatter:
    """The `render` of `styr.output.<module>`, imported on the first call."""

    def render(result: LintResult, language: str, colour: bool = False) -> str:
        formatter: Formatter = import_module(f"styr.output.{module}").render
        return formatter(result, language, colour)

    return render


FORMATTERS: dict[str, Formatter] = {
    "text": _formatter("text"),
    "json": _formatter("json_format"),
    "concise": _formatter("concise"),
    "github": _formatter("github"),
    "sarif": _formatter("sarif"),
    "junit": _formatter("junit"),
    "gitlab": _formatter("gitlab"),
}
