"""A diff for a GitHub Actions job summary (`$GITHUB_STEP_SUMMARY`).

The Markdown comment's summary line and tables (`styr.diff.render_markdown`),
with each section (the steering model's structure, the council level, each
organisation, the findings' delta) folded into a `<details>` whose summary
names it and counts what it holds, so that a long diff stays one screen
until a reader opens what concerns them. A summary is HTML that GitHub
shows as it is: its words pass through `styr.escape.html_text`.
"""

from __future__ import annotations

from styr.diff.changes import DiffResult
from styr.diff.layout import repository_heading
from styr.diff.render_markdown import changed, parts, summary
from styr.diff.texts import counted, text
from styr.escape import html_text, markdown_cell


def render_github(result: DiffResult, language: str) -> str:
    blocks = [summary(result, language)]
    for repository in changed(result):
        blocks.append(f"## {repository_heading(repository, language, markdown_cell)}")
        for part in parts(repository, result, language):
            if part.title is None:
                blocks.extend(part.blocks)
                continue
            count = counted(part.counted, part.count, language)
            title = html_text(text("details_summary", language, name=part.title, changes=count))
            # GitHub reads Markdown inside HTML only after a blank line: the blocks are apart.
            blocks.extend([f"<details><summary>{title}</summary>", *part.blocks, "</details>"])
    return "\n\n".join(blocks) + "\n"
