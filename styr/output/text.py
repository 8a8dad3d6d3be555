"""Findings as text grouped by file: what a planner reads in a terminal or a CI log.

Each line is built once, as pieces of text with a style each; without colour
the pieces are joined as they are, and only for colour is rich asked to
style them. A run whose output goes to a file or a pipe (CI, an editor)
never imports rich.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import TYPE_CHECKING

from styr.escape import terminal
from styr.findings import Finding, Severity
from styr.messages import counted, message, severity_name

if TYPE_CHECKING:
    from styr.lint import LintResult

# A piece of a line and its style, in rich's style names ("" for none).
Piece = tuple[str, str]
# One line of output: its pieces, none for an empty line.
Line = list[Piece]

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(result: LintResult, language: str, colour: bool = False) -> str:
    lines = _lines(result, language)
    if colour:
        from styr.output.ansi import in_colour

        return in_colour(lines)
    return "".join("".join(text for text, _style in line) + "\n" for line in lines)


def _lines(result: LintResult, language: str) -> Iterator[Line]:
    for file, group in groupby(result.findings, key=lambda f: f.file):
        yield [(terminal(str(file)) if file else "–", "bold underline")]
        for finding in group:
            yield _line(finding, language)
        yield []
    yield [_summary(result, language)]
    if withheld := result.withheld:
        from styr.withholding import describe

        for each in withheld:
            yield [(terminal(describe(each, language)), "yellow")]


def _line(finding: Finding, language: str) -> Line:
    from styr.rules.catalogue import BY_CODE

    rule = BY_CODE[finding.code]
    line: Line = [
        ("  ", ""),
        (f"{finding.line}:{finding.column}".ljust(8), "dim"),
        (severity_name(finding.severity, language).ljust(8), _STYLES[finding.severity]),
        (f"{finding.code} ", "bold"),
        (terminal(rule.render(finding, language)), ""),
    ]
    if finding.path:
        line.append((f"  [{terminal(finding.dotted_path)}]", "dim"))
    return line


def _summary(result: LintResult, language: str) -> Piece:
    findings = result.findings
    files = result.files_checked
    in_files = counted("files", files, language)
    if not findings:
        repos = counted("repositories", len(result.results), language)
        return message("summary-clean", language, files=in_files, repos=repos), "green"
    counts = {level: sum(1 for f in findings if f.severity is level) for level in Severity}
    summary = message(
        "summary",
        language,
        errors=counted("errors", counts[Severity.ERROR], language),
        warnings=counted("warnings", counts[Severity.WARNING], language),
        infos=counted("infos", counts[Severity.INFO], language),
        files=in_files,
    )
    return summary, "bold"
