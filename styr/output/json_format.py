"""Findings as JSON, for scripts and CI."""

from __future__ import annotations

from typing import Any

from styr import __version__
from styr.findings import Finding
from styr.json_writing import json_document
from styr.lint import LintResult
from styr.rules.catalogue import BY_CODE
from styr.withholding import Withheld, describe


def finding_dict(finding: Finding, language: str) -> dict[str, Any]:
    rule = BY_CODE[finding.code]
    return {
        "code": finding.code,
        "name": rule.name,
        "severity": finding.severity.label,
        "file": finding.file.as_posix() if finding.file else None,
        "line": finding.line,
        "column": finding.column,
        "path": finding.dotted_path,
        "message": rule.render(finding, language),
    }


def render(result: LintResult, language: str, colour: bool = False) -> str:
    findings = result.findings
    counts = {level: 0 for level in ("error", "warning", "info")}
    for finding in findings:
        counts[finding.severity.label] += 1
    document = {
        "tool": {"name": "styr", "version": __version__},
        "repositories": [
            {
                "path": r.repository.root.as_posix(),
                "municipality": r.repository.municipality_name,
                "code": r.repository.municipality_code,
                "findings": len(r.findings),
                "withheld": _withheld(r.withheld, language),
            }
            for r in result.results
        ],
        "summary": {
            **counts,
            "files": result.files_checked,
            "withheld": sum(w.count for w in result.withheld),
        },
        "findings": [finding_dict(f, language) for f in findings],
    }
    return json_document(document)


def _withheld(withheld: Withheld | None, language: str) -> dict[str, Any] | None:
    """Findings not shown because a file did not load: how many, why, and the message."""
    if withheld is None:
        return None
    return {
        "count": withheld.count,
        "because_unreadable": [file.as_posix() for file in withheld.files],
        "message": describe(withheld, language),
    }
