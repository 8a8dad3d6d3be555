"""GitLab Code Quality: the JSON report a merge request shows findings from.

A list of issues, each with `description`, `check_name` (the rule code),
`fingerprint`, `severity` and `location` (`path` and `lines.begin`). The
fingerprint is a SHA-256 over the code, file, line, column and the message in
Swedish, so it is the same from run to run and whatever `--language` is: GitLab
compares fingerprints between branches to tell new findings from fixed ones.
Two findings that would share one get distinct ones (a counter is added).
"""

from __future__ import annotations

import hashlib
from typing import Any

from styr.findings import Finding, Severity
from styr.json_writing import json_document
from styr.lint import LintResult
from styr.output.common import findings_by_repository, message_of, posix

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
FINGERPRINT_LANGUAGE = "sv"


def fingerprint(finding: Finding, path: str, occurrence: int = 0) -> str:
    parts = [
        finding.code,
        path,
        str(finding.line),
        str(finding.column),
        message_of(finding, FINGERPRINT_LANGUAGE),
    ]
    if occurrence:
        parts.append(str(occurrence))
    # surrogatepass: a file name that is not valid UTF-8 still has a fingerprint.
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def issues(result: LintResult, language: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    seen: set[str] = set()
    for repository, findings in findings_by_repository(result):
        for finding in findings:
            path = posix(finding.file or repository.manifest.file)
            occurrence = 0
            while (key := fingerprint(finding, path, occurrence)) in seen:
                occurrence += 1
            seen.add(key)
            found.append(
                {
                    "description": message_of(finding, language),
                    "check_name": finding.code,
                    "fingerprint": key,
                    "severity": SEVERITIES[finding.severity],
                    "location": {"path": path, "lines": {"begin": max(finding.line, 1)}},
                }
            )
    return found


def render(result: LintResult, language: str, colour: bool = False) -> str:
    return json_document(issues(result, language))
