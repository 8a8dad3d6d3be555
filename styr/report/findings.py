"""The optional lint summary (`--with-findings`): what `styr lint` says about the repository."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from styr.findings import Finding, Severity
from styr.messages import counted, severity_name
from styr.model.repository import Repository
from styr.report.texts import Labels
from styr.rules.catalogue import BY_CODE

# A symbol and a word for every level: the level is never told by colour alone.
SYMBOLS = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "ℹ"}


@dataclass(frozen=True, slots=True)
class FindingView:
    severity: str  # error | warning | info: a CSS class and a key
    label: str  # Fel / Varning / Info
    symbol: str
    code: str
    rule: str
    place: str  # organisation/x.yaml:12:5
    message: str


@dataclass(frozen=True, slots=True)
class FindingsView:
    errors: int
    warnings: int
    infos: int
    summary: str
    findings: tuple[FindingView, ...]


def findings_view(repository: Repository, findings: list[Finding], labels: Labels) -> FindingsView:
    shown = []
    for finding in sorted(findings, key=lambda f: _sort_key(repository.root, f)):
        rule = BY_CODE.get(finding.code)
        severity = finding.severity.label
        shown.append(
            FindingView(
                severity=severity,
                label=severity_name(finding.severity, labels.language).capitalize(),
                symbol=SYMBOLS[finding.severity],
                code=finding.code,
                rule=rule.name if rule else finding.code,
                place=_place(repository.root, finding),
                message=rule.render(finding, labels.language) if rule else finding.code,
            )
        )
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    infos = sum(1 for f in findings if f.severity is Severity.INFO)
    summary = (
        labels.findings_clean
        if not findings
        else labels.get(
            "findings_summary",
            errors=counted("errors", errors, labels.language),
            warnings=counted("warnings", warnings, labels.language),
            infos=counted("infos", infos, labels.language),
        )
    )
    return FindingsView(errors, warnings, infos, summary, tuple(shown))


def _relative(root: Path, file: Path | None) -> str:
    """The file inside the repository, never a path of the machine that made the report."""
    if file is None:
        return ""
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.name


def _place(root: Path, finding: Finding) -> str:
    place = _relative(root, finding.file)
    if place and finding.line:
        place += f":{finding.line}:{max(finding.column, 1)}"
    return place


def _sort_key(root: Path, finding: Finding) -> tuple[str, int, int, str]:
    return (_relative(root, finding.file), finding.line, finding.column, finding.code)
