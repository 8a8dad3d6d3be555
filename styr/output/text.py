"""Findings as text grouped by file: what a planner reads in a terminal or a CI log."""

from __future__ import annotations

import io
from itertools import groupby

from rich.console import Console
from rich.text import Text

from styr.escape import terminal
from styr.findings import Finding, Severity
from styr.lint import LintResult
from styr.messages import counted, message, severity_name
from styr.rules.catalogue import BY_CODE
from styr.withholding import describe

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(result: LintResult, language: str, colour: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=colour,
        no_color=not colour,
        highlight=False,
        width=10_000,  # never wrap: CI logs and editors match whole lines
        soft_wrap=True,
    )
    findings = result.findings
    for file, group in groupby(findings, key=lambda f: f.file):
        console.print(Text(terminal(str(file)) if file else "–", style="bold underline"))
        for finding in group:
            console.print(_line(finding, language))
        console.print()
    console.print(_summary(result, language))
    for withheld in result.withheld:
        console.print(Text(terminal(describe(withheld, language)), style="yellow"))
    return buffer.getvalue()


def _line(finding: Finding, language: str) -> Text:
    rule = BY_CODE[finding.code]
    line = Text("  ")
    line.append(f"{finding.line}:{finding.column}".ljust(8), style="dim")
    line.append(severity_name(finding.severity, language).ljust(8), style=_STYLES[finding.severity])
    line.append(f"{finding.code} ", style="bold")
    line.append(terminal(rule.render(finding, language)))
    if finding.path:
        line.append(f"  [{terminal(finding.dotted_path)}]", style="dim")
    return line


def _summary(result: LintResult, language: str) -> Text:
    findings = result.findings
    files = result.files_checked
    in_files = counted("files", files, language)
    if not findings:
        repos = counted("repositories", len(result.results), language)
        return Text(message("summary-clean", language, files=in_files, repos=repos), style="green")
    counts = {level: sum(1 for f in findings if f.severity is level) for level in Severity}
    return Text(
        message(
            "summary",
            language,
            errors=counted("errors", counts[Severity.ERROR], language),
            warnings=counted("warnings", counts[Severity.WARNING], language),
            infos=counted("infos", counts[Severity.INFO], language),
            files=in_files,
        ),
        style="bold",
    )
