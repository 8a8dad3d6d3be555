"""`styr report`: the goal overview of one or more repositories as HTML or Markdown.

The flow is one-way: repository → index → view (`view.py`, `diagram.py`,
`findings.py`, `compare.py`) → Jinja templates in `templates/` (`render.py`).
"""

from styr.report.build import FORMATS, build_report, report_pieces

__all__ = ["FORMATS", "build_report", "report_pieces"]
