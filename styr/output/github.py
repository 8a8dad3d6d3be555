"""GitHub Actions workflow commands: each finding becomes an annotation on the file.

`::error file=PATH,line=L,col=C,title=CODE name::message`, with `::warning`
for warnings and `::notice` for information. GitHub reads `%`, CR and LF
escaped in the message, and also `:` and `,` in the properties; a finding
about a whole file (line 0) has no line and column, and one without a file
no file.
"""

from __future__ import annotations

from styr.escape import workflow_data, workflow_property
from styr.findings import Finding, Severity
from styr.lint import LintResult
from styr.output.common import message_of, rule_name
from styr.withholding import describe

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def command(finding: Finding, language: str) -> str:
    properties: list[tuple[str, str]] = []
    if finding.file:
        properties.append(("file", finding.file.as_posix()))
        if finding.line:
            properties.append(("line", str(finding.line)))
            if finding.column:
                properties.append(("col", str(finding.column)))
    properties.append(("title", f"{finding.code} {rule_name(finding)}"))
    listed = ",".join(f"{key}={workflow_property(value)}" for key, value in properties)
    message = workflow_data(message_of(finding, language))
    return f"::{COMMANDS[finding.severity]} {listed}::{message}"


def render(result: LintResult, language: str, colour: bool = False) -> str:
    lines = [command(finding, language) + "\n" for finding in result.findings]
    # A notice without a file: it shows in the run's annotation summary.
    lines.extend(
        f"::notice title=styr::{workflow_data(describe(withheld, language))}\n"
        for withheld in result.withheld
    )
    return "".join(lines)
