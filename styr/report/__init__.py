"""`styr report`: the goal overview of one or more repositories as HTML or Markdown.

The flow is one-way: repository → index → view (`view.py`, `diagram.py`,
`findings.py`, `compare.py`) → Jinja templates in `templates/` (`render.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from styr.report.build import FORMATS, build_report, report_pieces

__all__ = ["FORMATS", "build_report", "report_pieces"]


def __getattr__(name: str) -> Any:
    # The build (and Jinja with it) is loaded when it is used, not when a light
    # module of the package (its word tables) is: `styr diff` uses only those.
    if name in __all__:
        from styr.report import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
