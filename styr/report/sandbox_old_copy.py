"""A template folder's copy of a bundled template made for an older styr.

A folder given with `--templates` may hold its own `_macros.html.j2`, copied from styr's
templates to change a layout. The bundled templates keep calling its macros as they call
their own, so when a later styr gives a macro more (the `xl` of the HTML macros, the
language of the files' texts) or calls a macro the copy does not yet have, the copy fails
inside the bundled template's call: a Jinja error with no line of the folder's, which told
the planner nothing. Such a call is recognised here by the macro it names, and the copy by
that macro being declared otherwise in it than in the bundled file of the same name, so that
the refusal can name the copy and say to take the new file.

Part of the sandbox for user templates (`styr.report.sandbox`).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import jinja2

from styr.load.access import Refused, read_inside
from styr.report.sandbox_loader import MAX_TEMPLATE_BYTES
from styr.resources import data_dir

# Jinja's words (Jinja 3) when a macro is called with more values than it takes, with a
# value it has no parameter for, or is not in the imported template at all.
_MACRO_NAMED = (
    re.compile(r"^macro '(?P<macro>\w+)' (?:takes|was invoked)"),
    re.compile(r"TemplateModule object' has no attribute '(?P<macro>\w+)'"),
)


def old_copy(error: Exception, folder: Path) -> tuple[str, str] | None:
    """(the folder's template, the macro) where `error` is a call of a macro that the folder's
    copy of a bundled template declares otherwise than the bundled file does, or not at all;
    None for any other error, a copy that agrees with the bundled file included."""
    if not isinstance(error, TypeError | jinja2.UndefinedError):
        return None
    found = next((m for pattern in _MACRO_NAMED if (m := pattern.search(str(error)))), None)
    if found is None:
        return None
    macro = found["macro"]
    for name, declared in _bundled_declarations(macro):
        copy = _text_of(folder, name)
        if copy is not None and _declaration(copy, macro) != declared:
            return name, macro
    return None


def _text_of(folder: Path, name: str) -> str | None:
    """The folder's template `name` as the folder's loader reads it; None where it has none
    or may not be read (a link out of the folder: the loader refuses it on its own)."""
    try:
        data = read_inside(folder, folder / name, max_bytes=MAX_TEMPLATE_BYTES)
    except (Refused, OSError):
        return None
    return data.decode("utf-8", errors="replace")


@functools.cache
def _bundled_declarations(macro: str) -> tuple[tuple[str, str], ...]:
    """(template, its declaration of `macro`) for each bundled template that declares it."""
    bundled = data_dir("templates")
    found = []
    for path in sorted(bundled.rglob("*.j2")):
        declared = _declaration(path.read_text("utf-8"), macro)
        if declared is not None:
            found.append((path.relative_to(bundled).as_posix(), declared))
    return tuple(found)


def _declaration(text: str, macro: str) -> str | None:
    """The parameters `text` declares `macro` with, spaces aside; None where it has no such
    macro."""
    found = re.search(rf"{{%-?\s*macro\s+{re.escape(macro)}\s*\((?P<params>[^)]*)\)", text)
    return None if found is None else "".join(found["params"].split())
