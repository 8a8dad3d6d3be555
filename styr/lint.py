"""`styr lint` as a function: repositories in, findings out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from styr.config import LintConfig, load_config
from styr.findings import Finding, Severity
from styr.load import Document
from styr.model.index import FILE_LAYOUTS, Index, build_index
from styr.model.repository import Repository, find_repositories, load_repository
from styr.rules.catalogue import ALL_RULES, BY_CODE, QUALITY_CHECKS
from styr.rules.chain import check_chain
from styr.rules.context import RuleContext
from styr.rules.schema import UNKNOWN_FILE_KIND
from styr.rules.suppressions import NO_REASON, UNUSED
from styr.schema_check import validate
from styr.suppress import parse_suppressions


@dataclass(slots=True)
class RepositoryResult:
    repository: Repository
    findings: list[Finding] = field(default_factory=list)
    config: LintConfig = field(default_factory=LintConfig)
    suppressed: int = 0


@dataclass(slots=True)
class LintResult:
    results: list[RepositoryResult] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [finding for result in self.results for finding in result.findings]

    def failed(self, fail_on: Severity | None = None) -> bool:
        """Whether any finding reaches the failing level (the flag's, else each repository's)."""
        for result in self.results:
            level = fail_on or result.config.fail_on or Severity.ERROR
            if any(finding.severity >= level for finding in result.findings):
                return True
        return False

    @property
    def files_checked(self) -> int:
        return sum(len(r.repository.all_documents()) for r in self.results)


def lint_paths(paths: Iterable[Path], *, today: date | None = None) -> LintResult:
    """Lint every repository the paths name (see `find_repositories`)."""
    result = LintResult()
    for root in find_repositories(paths):
        repository = load_repository(root)
        result.results.append(lint_repository(repository, today=today or date.today()))
    return result


def lint_repository(repository: Repository, *, today: date) -> RepositoryResult:
    config = load_config(repository.root, repository.manifest.data, ALL_RULES)
    index = build_index(repository)
    raw: list[Finding] = []
    for document in repository.all_documents():
        raw.extend(document.findings)
        raw.extend(_shape(document, is_manifest=document is repository.manifest))
    raw.extend(check_chain(repository, index))
    raw.extend(_quality(repository, index, config, today))
    configured = _configure(raw, repository, config)
    findings, suppressed = _suppress(configured, repository, config)
    for document in repository.all_documents():
        document.forget_positions()
    return RepositoryResult(
        repository, sorted(set(findings), key=Finding.sort_key), config, suppressed
    )


def _quality(
    repository: Repository, index: Index, config: LintConfig, today: date
) -> list[Finding]:
    findings: list[Finding] = []
    for rule, check in QUALITY_CHECKS:
        if config.enabled(rule):
            context = RuleContext(repository, index, config.options_of(rule), today)
            findings.extend(check(context))
    return findings


def _relative(repository: Repository, file: Path | None) -> str:
    if file is None:
        return ""
    try:
        return file.relative_to(repository.root).as_posix()
    except ValueError:
        return file.as_posix()


def _configure(
    findings: list[Finding], repository: Repository, config: LintConfig
) -> list[Finding]:
    kept = []
    for finding in findings:
        configured = config.apply(
            finding, BY_CODE[finding.code], _relative(repository, finding.file)
        )
        if configured is not None:
            kept.append(configured)
    return kept


def _suppress(
    findings: list[Finding], repository: Repository, config: LintConfig
) -> tuple[list[Finding], int]:
    """Drop suppressed findings; report suppressions that suppress nothing or give no reason."""
    by_file = {
        document.file: parse_suppressions(document) for document in repository.all_documents()
    }
    kept, suppressed = [], 0
    for finding in findings:
        rule = BY_CODE[finding.code]
        candidates = by_file.get(finding.file, []) if finding.file else []
        match = next((s for s in candidates if s.covers(finding, rule)), None)
        if match is None:
            kept.append(finding)
        else:
            match.used.add(finding.code)
            suppressed += 1
    extra: list[Finding] = []
    for file, suppressions in by_file.items():
        for suppression in suppressions:
            codes = ", ".join(suppression.selectors) or "–"
            if not suppression.used:
                extra.append(UNUSED.at(file, suppression.line, suppression.column, codes=codes))
            if not suppression.reason:
                extra.append(NO_REASON.at(file, suppression.line, suppression.column, codes=codes))
    return kept + _configure(extra, repository, config), suppressed


def _shape(document: Document, *, is_manifest: bool) -> list[Finding]:
    """File-kind and schema findings; nothing for a file that did not load."""
    if document.data is None:
        return []
    if is_manifest:
        return list(validate(document, "manifest"))
    kind = document.kind
    if kind not in FILE_LAYOUTS:
        has_kind = isinstance(document.data, dict) and "kind" in document.data
        line, column = document.locate(("kind",)) if has_kind else (1, 1)
        shown = repr(document.data.get("kind")) if has_kind else "ingen/none"
        return [
            UNKNOWN_FILE_KIND.at(
                document.file, line, column, ("kind",), kind=shown, kinds=", ".join(FILE_LAYOUTS)
            )
        ]
    return list(validate(document, kind))
