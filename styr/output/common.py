"""What the machine-readable formats share: a finding's rule, message, file and place.

The rules' catalogue is imported when a finding's rule is first asked for:
a clean run prints without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from styr import escape

if TYPE_CHECKING:
    from styr.findings import Finding
    from styr.lint import LintResult
    from styr.model.repository import Repository
    from styr.rules.base import Rule


def rule_of(finding: Finding) -> Rule | None:
    from styr.rules.catalogue import BY_CODE

    return BY_CODE.get(finding.code)


def rule_name(finding: Finding) -> str:
    rule = rule_of(finding)
    return rule.name if rule else finding.code


def message_of(finding: Finding, language: str) -> str:
    """The finding's message in the language, as the text format shows it."""
    rule = rule_of(finding)
    return rule.render(finding, language) if rule else finding.code


def one_line(text: str) -> str:
    """The text on one line and safe for a terminal, for formats where a finding is one line."""
    return escape.one_line(text)


def summary_of(rule: Rule, language: str) -> str:
    return rule.summary_in(language)


def posix(file: Path | None) -> str:
    """The file as given on the command line, with forward slashes; '-' for none."""
    return file.as_posix() if file else "-"


def place(finding: Finding) -> tuple[int, int]:
    """Line and column to show; a finding about a whole file (0:0) is shown at 1:1."""
    return max(finding.line, 1), max(finding.column, 1)


def findings_by_repository(result: LintResult) -> Iterator[tuple[Repository, list[Finding]]]:
    for repository_result in result.results:
        yield repository_result.repository, repository_result.findings
