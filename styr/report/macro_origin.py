"""Whether a macro a template hands over is the bundled one, for a Python function to stand in.

A loop that calls the bundled `item` macro once per goal spent most of the
templates' own time on the macro call; a function given the macro writes the
blocks straight from Python when it is the bundled one (`item_html`,
`item_md` write exactly what it writes), and calls it otherwise: a copy of
`_macros.*.j2` in `--templates` keeps its own layout.
"""

from __future__ import annotations

import functools
import posixpath

from styr.resources import data_dir


def is_bundled(macro: object, template: str, name: str) -> bool:
    """Whether `macro` is the macro `name` of the bundled template `template`.

    Known by the file Jinja compiled it from (the bundled folder's, as its loader
    names it) and its name; anything else (a template of the user's, a string
    template, something that is not a macro) is not.
    """
    code = getattr(getattr(macro, "_func", None), "__code__", None)
    return (
        code is not None
        and getattr(macro, "name", None) == name
        and code.co_filename == _bundled_file(template)
    )


@functools.cache
def _bundled_file(template: str) -> str:
    # As jinja2.FileSystemLoader joins it: the folder as given, then the name.
    return posixpath.join(str(data_dir("templates")), template)
