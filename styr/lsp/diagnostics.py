"""`styr lint`'s findings as an editor's diagnostics: one list per file, ranges in characters.

Positions here count characters (code points), as the YAML reader does; the
server turns them into the client's units (UTF-16 by default) when it sends them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lsprotocol import types

from styr.findings import Finding, Severity
from styr.lsp.settings import Settings
from styr.lsp.texts import lines_of, token_end
from styr.output.common import message_of
from styr.rules.schema import SCHEMA

SOURCE = "styr"

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}

# The findings that come from the JSON Schemas themselves: what yaml-language-server
# reports too when it validates against the same schemas.
SCHEMA_CODES = frozenset({SCHEMA.code})


def shown(findings: Iterable[Finding], settings: Settings) -> list[Finding]:
    """The findings the editor is to show, by the settings."""
    if settings.schema_diagnostics:
        return list(findings)
    return [finding for finding in findings if finding.code not in SCHEMA_CODES]


def by_file(findings: Iterable[Finding]) -> dict[Path, list[Finding]]:
    grouped: dict[Path, list[Finding]] = {}
    for finding in findings:
        if finding.file is not None:
            grouped.setdefault(finding.file, []).append(finding)
    return grouped


def finding_range(finding: Finding, lines: list[str]) -> types.Range:
    """Where a finding is: from its line and column to the end of the value there.

    A finding about the whole file (line 0) marks the file's first line.
    """
    line = max(finding.line, 1) - 1
    column = max(finding.column, 1) - 1
    text = lines[line] if line < len(lines) else ""
    column = min(column, len(text))
    end = token_end(text, column)
    return types.Range(types.Position(line, column), types.Position(line, end))


def diagnostic(finding: Finding, lines: list[str], language: str) -> types.Diagnostic:
    return types.Diagnostic(
        range=finding_range(finding, lines),
        message=message_of(finding, language),
        severity=_SEVERITIES[finding.severity],
        code=finding.code,
        source=SOURCE,
    )


def diagnostics(findings: list[Finding], text: str | None, language: str) -> list[types.Diagnostic]:
    lines = lines_of(text)
    return [diagnostic(finding, lines, language) for finding in findings]
