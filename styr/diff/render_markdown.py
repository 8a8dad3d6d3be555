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

GitHub refuses a comment longer than 65,536 characters: past `limit` the
rest is left out (from the end, so what is shown is the diff's beginning)
and a last line says how many changes and findings are not shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

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
from styr.diff.texts import counted, kind_label, text
from styr.escape import markdown_cell

MARKDOWN = Style(
    value=markdown_cell,
    deleted=lambda words: f"~~{words}~~",
    inserted=lambda words: f"**{words}**",
)


# GitHub refuses a comment over 65,536 characters; GitLab takes more. Counted in UTF-8
# bytes, which are never fewer than the characters, with room for the note that says
# how much was left out.
COMMENT_LIMIT = 60_000
_NOTE_ROOM = 400


def render_markdown(result: DiffResult, language: str, limit: int | None = COMMENT_LIMIT) -> str:
    """The comment; beyond `limit` bytes the rest is left out and a last line says how much."""
    budget = Budget(limit)

    def written(part: Shown) -> list[str]:
        if part.title is None:
            return budget.written(part.blocks)
        title = budget.written([Block(f"### {markdown_cell(part.title)}")])
        return [*title, *budget.written(part.blocks)]

    return document(result, language, budget, written)


def document(
    result: DiffResult, language: str, budget: Budget, written: Callable[[Shown], list[str]]
) -> str:
    """The summary line, then each changed municipality's heading and its parts as
    `written` writes them, then the note of what did not fit: the comment and the job
    summary alike."""
    blocks = [summary(result, language)]
    budget.fits(blocks[0])
    for repository in changed(result):
        heading = Block(f"## {repository_heading(repository, language, markdown_cell)}")
        blocks.extend(budget.written([heading]))
        for part in parts(repository, result, language):
            blocks.extend(written(part))
    blocks.extend(budget.note(language))
    return "\n\n".join(blocks) + "\n"


@dataclass(slots=True)
class Block:
    """A block of Markdown: a paragraph, a heading or a table's head, and a table's rows.

    `stands_for` is how many changes a block without rows says (the sentences
    about a whole municipality), counted as left out when it does not fit.
    """

    lead: str
    rows: list[str] = field(default_factory=list)
    stands_for: int = 0


class Budget:
    """How many bytes of a comment are left, and how many changes and findings did not fit.

    Once one block or row does not fit, nothing after it is written either,
    so that what is shown is always the beginning of the whole diff.
    """

    def __init__(self, limit: int | None) -> None:
        self.left = None if limit is None else max(limit - _NOTE_ROOM, 0)
        self.left_out = 0

    def fits(self, text: str) -> bool:
        if self.left is None:
            return True
        size = len(text.encode("utf-8", "surrogatepass")) + 2  # and the blank line after it
        if size > self.left:
            self.left = 0
            return False
        self.left -= size
        return True

    def written(self, blocks: list[Block]) -> list[str]:
        """The blocks as Markdown, as far as they fit."""
        shown = []
        for block in blocks:
            if not self.fits(block.lead):
                self.left_out += len(block.rows) or block.stands_for
                continue
            rows = []
            for row in block.rows:
                if self.fits(row):
                    rows.append(row)
                else:
                    self.left_out += 1
            if block.rows and not rows:
                continue  # a table's head alone says nothing
            shown.append("\n".join([block.lead, *rows]))
        return shown

    def note(self, language: str) -> list[str]:
        if not self.left_out:
            return []
        return [f"*{counted('left_out', self.left_out, language)}*"]


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
    blocks: list[Block]
    counted: str = "changes"  # the key in `styr.diff.texts.COUNTED` the count is said with


def parts(repository: RepositoryDiff, result: DiffResult, language: str) -> Iterator[Shown]:
    """A repository's sections, then its findings' delta, each as Markdown blocks."""
    for section in sections(repository):
        if section.part is Part.MUNICIPALITY:
            said = " ".join(f"{sentence(c, language, MARKDOWN)}." for c in section.changes)
            yield Shown(None, len(section.changes), [Block(said, stands_for=len(section.changes))])
            continue
        blocks = [section_table(section, repository, result, language)]
        if section.part is Part.MODEL:
            blocks.insert(0, Block(text("model_note", language)))
        title = section_heading(section, language, _as_written)
        yield Shown(title, len(section.changes), blocks)
    delta = repository.findings
    if delta.introduced or delta.fixed:
        blocks = [
            Block(f"{markdown_cell(delta_summary(delta, language))}."),
            findings_table(delta, repository, result, language),
        ]
        title = text("findings_heading", language)
        yield Shown(title, len(delta.introduced) + len(delta.fixed), blocks, "findings")


def _as_written(value: str) -> str:
    return value


def section_table(
    section: Section, repository: RepositoryDiff, result: DiffResult, language: str
) -> Block:
    """The section's changes as a table: Ändring | Vad | Var."""
    rows = [
        [
            kind_label(change.kind, language),
            sentence(change, language, MARKDOWN, repository.organisation_names),
            place(change, repository, result, language, markdown_cell),
        ]
        for change in section.changes
    ]
    columns = ["change_column", "what_column", "where_column"]
    return _table([text(c, language) for c in columns], rows)


def findings_table(
    delta: FindingsDelta, repository: RepositoryDiff, result: DiffResult, language: str
) -> Block:
    """The findings the new side brings and those it fixed: Fynd | Regel | Vad | Var."""
    rows = [
        [
            finding_label(record, introduced, language),
            markdown_cell(record.code),
            markdown_cell(record.message),
            place(record, repository, result, language, markdown_cell, fixed=not introduced),
        ]
        for introduced, records in ((True, delta.introduced), (False, delta.fixed))
        for record in records
    ]
    columns = ["finding_column", "rule_column", "what_column", "where_column"]
    return _table([text(c, language) for c in columns], rows)


def _table(header: list[str], rows: list[list[str]]) -> Block:
    """A GFM table; every cell is escaped already, an empty one holds a space."""
    head = "\n".join([_row(header), _row(["---"] * len(header))])
    return Block(head, [_row(row) for row in rows])


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell or " " for cell in cells) + " |"
