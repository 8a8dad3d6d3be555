"""A plain value from YAML as a reader sees it: a text as text, a number as the language writes it.

Kept out of `styr.report` so that a command that only words values (`styr
diff`) does not load the report's build and its templates to write a number.
The report's formatting re-exports both.
"""

from __future__ import annotations

from typing import Any


def text(value: Any) -> str:
    """A text field as a string; numbers as written, anything else (lists, maps) as nothing."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return ""
    if isinstance(value, int | float):
        return str(value)
    return ""


def number(value: Any, language: str) -> str:
    """A number the way the language writes it: 12 345,6 in Swedish, 12,345.6 in English."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return text(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, int):
        shown = f"{value:,}"
    else:
        decimals = _decimals(value)
        shown = f"{value:,.{decimals}f}"
    if language == "sv":
        shown = shown.replace(",", "\u00a0").replace(".", ",").replace("-", "\u2212")
    return shown


def _decimals(value: float) -> int:
    written = repr(value)
    if "e" in written or "." not in written:
        return 6
    return min(len(written.split(".")[1]), 6)
