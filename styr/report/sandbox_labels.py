"""A user template's label with places to fill, read as it is (`t.sdg_goal`): refused, with how.

A label such as `sdg_goal` ("Global Goal {goal}: {title}") is a text with
places the report fills (`t.get("sdg_goal", goal=..., title=...)`). Read as an
attribute it is the unfilled text, which would put "{goal}" on the page, so
the sandbox (`styr.report.sandbox`) refuses it: the report stops with a
message that names the template, its line and the label, and gives the call
that fills it. The bundled templates never read such a label so; the labels
styr's helpers fill themselves (`told`) are read by Python, not by a template.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from types import FrameType

from styr.i18n import placeholders
from styr.report.sandbox_sizes import TemplateLimit
from styr.report.texts import TEXTS


@functools.cache
def labels_to_fill() -> dict[str, tuple[str, ...]]:
    """Every label with places to fill, and the names of its places in their order."""
    return {key: _in_order(text) for key, text in TEXTS.items() if placeholders(text)}


def _in_order(text: str) -> tuple[str, ...]:
    """The names of `text`'s places as it says them: "{goal}: {title}" is goal, title."""
    return tuple(sorted(placeholders(text), key=lambda name: text.index("{" + name)))


def refuse_unfilled(label: str, folder: Path) -> None:
    """Refuse `t.<label>`, a label with places to fill, where a template of `folder` reads it.

    Read elsewhere (by a bundled template, the project's own) it is let be.
    """
    where = running_line(folder)
    if where is None:
        return
    template, line = where
    names = labels_to_fill()[label]
    values = ", ".join(f"{name}=…" for name in names)
    raise TemplateLimit(
        "report-template-label-to-fill",
        template=template,
        line=line,
        label=label,
        names=", ".join(names),
        call=f't.get("{label}", {values})',
    )


def running_line(folder: Path) -> tuple[str, int] | None:
    """The template of `folder` and its line running now, the innermost if one includes
    another; None when no template of the folder is running.

    As `styr.report.sandbox_loader.template_line` finds it in a traceback, for a
    refusal made before there is one: a frame of a compiled template carries
    the template (Jinja's `__jinja_template__`), which maps its line back.
    """
    inside = os.path.abspath(folder) + os.sep
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        filename = os.path.abspath(frame.f_code.co_filename)
        if template is not None and filename.startswith(inside):
            name = Path(filename[len(inside) :]).as_posix()
            return name, template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return None
