"""A diff in Markdown, for a comment on a merge request (GitHub and GitLab).

The first line sums up (the two sides, the changes by kind, the findings'
delta); then an H2 per municipality and an H3 per section (the steering
model's structure, the council level, each organisation), each a table of
Ändring | Vad | Var; the findings' delta last, as a section of its own.
Reworded words are shown as `~~removed~~ **new**`, which both hosts render.

Every value from the files goes through `styr.escape.markdown_cell`: a title
with `|`, backticks, `<script>` or a line break stays one cell of text. Only
Markdown both hosts render is written: headings, paragraphs, tables,
emphasis and strike-through; no HTML and no links.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from styr.diff.changes import DiffResult, FindingsDelta, RepositoryDiff
from styr.diff.layout import (
    Part,
    Section,
    delta_summary,
    finding_label,
    place,
    repository_heading,
    section_heading,
    sections,
    summary_parts,
)
from styr.diff.sentences import Style, sentence
from styr.diff.texts import kind_label, text
from styr.escape import markdown_cell

MARKDOWN = Style(
    value=markdown_cell,
    deleted=lambda words: f"~~{words}~~",
    inserted=lambda words: f"**{words}**",
)


def render_markdown(result: DiffResult, language: str) -> str:
    blocks = [summary(result, language)]
    for repository in changed(result):
        blocks.append(f"## {repository_heading(repository, language, markdown_cell)}")
        for part in parts(repository, result, language):
            if part.title is not None:
                blocks.append(f"### {markdown_cell(part.title)}")
            blocks.extend(part.blocks)
    return "\n\n".join(blocks) + "\n"


def summary(result: DiffResult, language: str) -> str:
    """The first line: every part of the summary, one sentence each."""
    return " ".join(f"{part}." for part in summary_parts(result, language, markdown_cell))


def changed(result: DiffResult) -> Iterator[RepositoryDiff]:
    for repository in result.repositories:
        if repository.changes or repository.findings.introduced or repository.findings.fixed:
            yield repository


@dataclass(frozen=True, slots=True)
class Shown:
    """A part of a repository's diff: its title as written (None: said under the
    municipality's heading), how many changes or findings it holds, its Markdown blocks."""

    title: str | None
    count: int
    blocks: list[str]
    counted: str = "changes"  # the key in `styr.diff.texts.COUNTED` the count is said with


def parts(repository: RepositoryDiff, result: DiffResult, language: str) -> Iterator[Shown]:
    """A repository's sections, then its findings' delta, each as Markdown blocks."""
    for section in sections(repository):
        if section.part is Part.MUNICIPALITY:
            said = " ".join(f"{sentence(c, language, MARKDOWN)}." for c in section.changes)
            yield Shown(None, len(section.changes), [said])
            continue
        blocks = [section_table(section, repository, result, language)]
        if section.part is Part.MODEL:
            blocks.insert(0, text("model_note", language))
        title = section_heading(section, language, _as_written)
        yield Shown(title, len(section.changes), blocks)
    delta = repository.findings
    if delta.introduced or delta.fixed:
        blocks = [
            f"{markdown_cell(delta_summary(delta, language))}.",
            findings_table(delta, repository, result, language),
        ]
        title = text("findings_heading", language)
        yield Shown(title, len(delta.introduced) + len(delta.fixed), blocks, "findings")


def _as_written(value: str) -> str:
    return value


def section_table(
    section: Section, repository: RepositoryDiff, result: DiffResult, language: str
) -> str:
    """The section's changes as a table: Ändring | Vad | Var."""
    rows = [
        [
            kind_label(change.kind, language),
            sentence(change, language, MARKDOWN),
            place(change, repository, result, language, markdown_cell),
        ]
        for change in section.changes
    ]
    columns = ["change_column", "what_column", "where_column"]
    return _table([text(c, language) for c in columns], rows)


def findings_table(
    delta: FindingsDelta, repository: RepositoryDiff, result: DiffResult, language: str
) -> str:
    """The findings the new side brings and those it fixed: Fynd | Regel | Vad | Var."""
    rows = [
        [
            finding_label(record, introduced, language),
            markdown_cell(record.code),
            markdown_cell(record.message),
            place(record, repository, result, language, markdown_cell),
        ]
        for introduced, records in ((True, delta.introduced), (False, delta.fixed))
        for record in records
    ]
    columns = ["finding_column", "rule_column", "what_column", "where_column"]
    return _table([text(c, language) for c in columns], rows)


def _table(header: list[str], rows: list[list[str]]) -> str:
    """A GFM table; every cell is escaped already, an empty one holds a space."""
    lines = [_row(header), _row(["---"] * len(header))]
    lines.extend(_row(row) for row in rows)
    return "\n".join(lines)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell or " " for cell in cells) + " |"
