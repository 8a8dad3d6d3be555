"""Plain values from YAML as a reader sees them: text, numbers, periods, sort keys."""

from __future__ import annotations

import functools
import re
from typing import Any

from styr import plain_values
from styr.collation import sort_key

# One place for both (styr diff words numbers without the report); re-exported here.
from styr.plain_values import text as text

# A value, a target or a percent comes back indicator after indicator (70, 80, 100):
# worded once each. `typed`, since True and 1, equal as keys, are not worded alike.
_number_once = functools.lru_cache(maxsize=8192, typed=True)(plain_values.number)

_BLANK_LINES = re.compile(r"\n[ \t]*\n+")


def number(value: Any, language: str) -> str:
    """`styr.plain_values.number`: a number the way the language writes it."""
    if type(value) is int or type(value) is float:  # hashable, and its type part of the key
        return _number_once(value, language)
    return plain_values.number(value, language)


def paragraphs(value: Any) -> list[str]:
    """A text field split into paragraphs at blank lines, single line breaks kept as spaces."""
    if value is None:  # most fields are not written: nothing to split, asked a million times
        return []
    whole = text(value)
    if not whole:
        return []
    if whole.isprintable():  # no line break of any kind: one paragraph as it is (most titles)
        return [whole]
    parts = _BLANK_LINES.split(whole.replace("\r\n", "\n"))
    return [" ".join(line.strip() for line in part.splitlines() if line.strip()) for part in parts]


def one_line(value: Any) -> str:
    """The text on one line: its paragraphs joined by a space."""
    if value is None:
        return ""
    if type(value) is str:  # a title or a note without a line break: the text as it is
        whole = value.strip()
        if whole.isprintable():
            return whole
    return " ".join(paragraphs(value))


def year(value: Any) -> int | None:
    return value if type(value) is int else None


def period(value: Any) -> str:
    """A `{start, end}` period as 2023–2026 (or one year)."""
    if not isinstance(value, dict):
        return ""
    start, end = value.get("start"), value.get("end")
    # `year` of each, written out: asked of every goal's horizon.
    start = start if type(start) is int else None
    end = end if type(end) is int else None
    if start is not None and end is not None:
        return str(start) if start == end else f"{start}–{end}"
    return str(start if start is not None else end if end is not None else "")


def string_list(value: Any) -> list[str]:
    """A list field's text items (ids, SDG targets), in written order without repeats."""
    if not isinstance(value, list):
        return []
    seen: list[str] = []
    for item in value:
        shown = text(item)
        if shown and shown not in seen:
            seen.append(shown)
    return seen


def sort_name(name: str) -> tuple[str, str]:
    """A key that sorts names in Swedish alphabetical order (see `styr.collation`)."""
    return sort_key(name)
