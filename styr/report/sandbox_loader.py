"""What a user template may read: a regular file inside its folder, never by a link out.

`FolderLoader` reads a template only through `styr.load.access.read_inside`,
so `{% include %}` cannot follow a link to any file on disk; a file that exists
but may not be read is `TemplateRefused`, and `template_line` finds the file
and line of the folder's template where an error arose, for the message.
Part of the sandbox for user templates (`styr.report.sandbox`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from styr.load.access import Refused, read_inside

MAX_TEMPLATE_BYTES = 1_000_000


class TemplateRefused(Exception):
    """A template file that exists but may not be read (a link out of the folder, a FIFO)."""

    def __init__(self, name: str, refused: Refused) -> None:
        super().__init__(name)
        self.name = name
        self.refused = refused


def template_line(error: BaseException, folder: Path) -> tuple[str, int] | None:
    """The template of `folder` and the line in it where `error` arose, if it arose in one.

    Jinja rewrites a traceback so that a template's own frames carry its file
    name and its line; the innermost of the folder's is where the template
    went wrong (an error from styr's own code, with no such frame, is not).
    """
    inside = os.path.abspath(folder) + os.sep
    where = None
    trace = error.__traceback__
    while trace is not None:
        filename = os.path.abspath(trace.tb_frame.f_code.co_filename)
        if filename.startswith(inside):
            where = (Path(filename[len(inside) :]).as_posix(), trace.tb_lineno)
        trace = trace.tb_next
    return where


class FolderLoader(jinja2.BaseLoader):
    """Templates from one folder, read only as regular files inside it (never by a link out)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))  # refuses ".."
        if not os.path.lexists(path):
            raise jinja2.TemplateNotFound(template)  # the bundled template is used instead
        try:
            data = read_inside(self.folder, path, max_bytes=MAX_TEMPLATE_BYTES)
        except Refused as refused:
            raise TemplateRefused(template, refused) from None
        modified = os.stat(path).st_mtime

        def unchanged() -> bool:
            try:
                return os.stat(path).st_mtime == modified
            except OSError:
                return False

        return data.decode("utf-8", errors="replace"), str(path), unchanged
