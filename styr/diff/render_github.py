"""A diff for a GitHub Actions job summary (`$GITHUB_STEP_SUMMARY`).

The Markdown comment's summary line and tables (`styr.diff.render_markdown`),
with each section (the steering model's structure, the council level, each
organisation, the findings' delta) folded into a `<details>` whose summary
names it and counts what it holds, so that a long diff stays one screen
until a reader opens what concerns them. A summary is HTML that GitHub
shows as it is: its words pass through `styr.escape.html_text`. GitHub takes
at most 1 MiB of summary per step; beyond that the rest is left out, said in
a last line, and every fold opened is closed.
"""

from __future__ import annotations

from styr.diff.changes import DiffResult
from styr.diff.render_markdown import Budget, Shown, document
from styr.diff.texts import counted, text
from styr.escape import html_text

SUMMARY_LIMIT = 1_000_000
_CLOSE = "</details>"


def render_github(result: DiffResult, language: str, limit: int | None = SUMMARY_LIMIT) -> str:
    budget = Budget(limit)

    def written(part: Shown) -> list[str]:
        if part.title is None:
            return budget.written(part.blocks)
        count = counted(part.counted, part.count, language)
        title = html_text(text("details_summary", language, name=part.title, changes=count))
        opening = f"<details><summary>{title}</summary>"
        if not budget.fits(opening + _CLOSE):
            budget.left_out += part.count
            return []
        # GitHub reads Markdown inside HTML only after a blank line: the blocks are apart.
        return [opening, *budget.written(part.blocks), _CLOSE]

    return document(result, language, budget, written)
