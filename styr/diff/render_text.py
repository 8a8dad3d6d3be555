"""A diff as plain text, for a terminal or a CI log.

Per municipality, then per section (the steering model's structure, the
council level, each organisation by name), each change on one line: its
place (`organisation/kn.yaml:12:5`, from where styr diff ran) and its
sentence; then the findings' delta. A reworded text shows its word diff as
wdiff does: `[-removed words-]{+new words+}`.

Every value from the files is shown through `styr.escape.terminal`: a title
holding an escape sequence or a line break can neither act on the terminal
nor start a line of its own in a log. With `colour`, rich styles the same
lines (headings, lowered ambition, the findings) without ever reading markup
from them; without it, rich is not imported.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from styr.diff.changes import ChangeKind, DiffResult, FindingRecord, RepositoryDiff
from styr.diff.layout import (
    delta_summary,
    finding_label,
    place,
    repository_heading,
    section_heading,
    sections,
    summary_parts,
)
from styr.diff.sentences import Style, plain_words, sentence
from styr.diff.texts import text
from styr.escape import terminal

# A line of output and its style, in rich's style names ("" for none).
Line = tuple[str, str]

_INDENT = "  "
_KIND_STYLES = {
    ChangeKind.AMBITION_LOWERED: "bold yellow",
    ChangeKind.REMOVED: "red",
    ChangeKind.REPOSITORY_REMOVED: "red",
    ChangeKind.DOCUMENT_REPEALED: "red",
    ChangeKind.ADDED: "green",
    ChangeKind.REPOSITORY_ADDED: "green",
    ChangeKind.MODEL_CHANGED: "bold magenta",
}
_FINDING_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _value(value: str) -> str:
    return terminal(plain_words(value).strip())


TERMINAL = Style(
    value=_value,
    deleted=lambda words: f"[-{words}-]",
    inserted=lambda words: f"{{+{words}+}}",
)


def render_text(
    result: DiffResult, language: str, width: int | None = None, *, colour: bool = False
) -> str:
    """The diff as text; lines wrapped at `width` when given (a terminal's width)."""
    lines = [
        (wrapped, style)
        for line, style in _lines(result, language)
        for wrapped in _wrap(line, width)
    ]
    if colour:
        from styr.output.ansi import in_colour

        return in_colour([(line, style)] for line, style in lines)
    return "".join(f"{line}\n" for line, _style in lines)


def _lines(result: DiffResult, language: str) -> Iterator[Line]:
    for part in summary_parts(result, language, _value):
        yield part, "bold"
    for repository in result.repositories:
        if not (repository.changes or repository.findings.introduced or repository.findings.fixed):
            continue
        yield "", ""
        yield repository_heading(repository, language, _value), "bold underline"
        yield from _changes(repository, result, language)
        yield from _findings(repository, result, language)


def _changes(repository: RepositoryDiff, result: DiffResult, language: str) -> Iterator[Line]:
    for section in sections(repository):
        depth = _INDENT
        if section.changes[0].kind not in (
            ChangeKind.REPOSITORY_ADDED,
            ChangeKind.REPOSITORY_REMOVED,
        ):
            yield _INDENT + section_heading(section, language, _value), "bold"
            depth = _INDENT * 2
        for change in section.changes:
            where = place(change, repository, result, language, _value)
            said = sentence(change, language, TERMINAL, repository.organisation_names)
            shown = f"{where}  {said}" if where else said
            yield depth + shown, _KIND_STYLES.get(change.kind, "")


def _findings(repository: RepositoryDiff, result: DiffResult, language: str) -> Iterator[Line]:
    delta = repository.findings
    if not (delta.introduced or delta.fixed):
        return
    heading = text("findings_summary", language, delta=delta_summary(delta, language))
    yield _INDENT + heading, "bold"
    for introduced, records in ((True, delta.introduced), (False, delta.fixed)):
        for record in records:
            yield _finding(record, introduced, repository, result, language)


def _finding(
    record: FindingRecord,
    introduced: bool,
    repository: RepositoryDiff,
    result: DiffResult,
    language: str,
) -> Line:
    label = finding_label(record, introduced, language)
    where = place(record, repository, result, language, _value, fixed=not introduced)
    pieces = [label, _value(record.code), where, _value(record.message)]
    style = _FINDING_STYLES.get(record.severity, "") if introduced else "green"
    return _INDENT * 2 + "  ".join(piece for piece in pieces if piece), style


def _wrap(line: str, width: int | None) -> list[str]:
    """The line as it fits `width`, continued under its first word; as it is without a width."""
    if width is None or len(line) <= width or not line.strip():
        return [line]
    indent = line[: len(line) - len(line.lstrip(" "))]
    return textwrap.wrap(
        line,
        width=max(width, len(indent) + 20),
        subsequent_indent=indent + _INDENT * 2,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [line]
