"""GitHub Actions workflow commands: each finding becomes an annotation on the file.

`::error file=PATH,line=L,col=C,title=CODE name::message`, with `::warning`
for warnings and `::notice` for information. GitHub reads `%`, CR and LF
escaped in the message, and also `:` and `,` in the properties; a finding
about a whole file (line 0) has no line and column, and one without a file
no file.
"""

from __future__ import annotations

from styr.findings import Finding, Severity
from styr.lint import LintResult
from styr.output.common import message_of, rule_name

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding, language: str) -> str:
    properties: list[tuple[str, str]] = []
    if finding.file:
        properties.append(("file", finding.file.as_posix()))
        if finding.line:
            properties.append(("line", str(finding.line)))
            if finding.column:
                properties.append(("col", str(finding.column)))
    properties.append(("title", f"{finding.code} {rule_name(finding)}"))
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    message = escape_data(message_of(finding, language))
    return f"::{COMMANDS[finding.severity]} {listed}::{message}"


def render(result: LintResult, language: str, colour: bool = False) -> str:
    return "".join(command(finding, language) + "\n" for finding in result.findings)
