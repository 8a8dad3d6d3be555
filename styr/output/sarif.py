"""SARIF 2.1.0: what GitHub code scanning and other security dashboards read.

One run of the tool `styr`, with every rule in the catalogue (so a dashboard can
show what a rule means even where it found nothing) and one result per finding.
Files are given relative to `%SRCROOT%`, the checked-out source, as the paths
were given on the command line; columns count Unicode characters, as the YAML
reader does. The output holds no time or machine name, so two runs over the
same files give the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from styr import __version__
from styr.findings import Finding, Severity
from styr.json_writing import json_document
from styr.lint import LintResult
from styr.output.common import message_of, summary_of
from styr.rules.base import Rule
from styr.rules.catalogue import ALL_RULES
from styr.withholding import describe

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(result: LintResult, language: str, colour: bool = False) -> str:
    log = sarif_log(result, language)
    return json_document(log, sort_keys=True)


def sarif_log(result: LintResult, language: str) -> dict[str, Any]:
    rules = list(ALL_RULES)
    index = {rule.code: number for number, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "styr",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(rule, language) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, language, index.get(f.code)) for f in result.findings],
                # Findings not shown because a file did not load (styr.withholding).
                "properties": {
                    "withheld": [
                        {
                            "count": withheld.count,
                            "files": [artifact_location(file) for file in withheld.files],
                            "message": describe(withheld, language),
                        }
                        for withheld in result.withheld
                    ]
                },
            }
        ],
    }


def _rule(rule: Rule, language: str) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary_of(rule, language)},
        "fullDescription": {"text": rule.doc_in(language)},
        "help": {"text": rule.doc_in(language), "markdown": rule.doc_in(language)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _result(finding: Finding, language: str, rule_index: int | None) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": message_of(finding, language)},
    }
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    if finding.file:
        physical: dict[str, Any] = {"artifactLocation": artifact_location(finding.file)}
        if finding.line > 0:
            region = {"startLine": finding.line}
            if finding.column > 0:
                region["startColumn"] = finding.column
            physical["region"] = region
        result["locations"] = [{"physicalLocation": physical}]
    return result


def artifact_location(file: Path) -> dict[str, str]:
    """A relative file as a URI under %SRCROOT%; an absolute one as a file: URI.

    An absolute path under the working folder is made relative to it first.
    """
    if file.is_absolute():
        try:
            file = file.relative_to(Path.cwd())
        except ValueError:
            return {"uri": file.as_uri()}
    # surrogateescape: a name that is not valid UTF-8 is quoted as the bytes it has on disk.
    uri = quote(file.as_posix(), safe="/", errors="surrogateescape")
    return {"uri": uri, "uriBaseId": SRCROOT}
