"""`styr lint` as a function: repositories in, findings out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from styr.findings import Finding, Severity
from styr.load import Document
from styr.model.index import FILE_LAYOUTS, build_index
from styr.model.repository import Repository, find_repositories, load_repository
from styr.rules.chain import check_chain
from styr.rules.schema import UNKNOWN_FILE_KIND
from styr.schema_check import validate


@dataclass(slots=True)
class RepositoryResult:
    repository: Repository
    findings: list[Finding] = field(default_factory=list)


@dataclass(slots=True)
class LintResult:
    results: list[RepositoryResult] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [finding for result in self.results for finding in result.findings]

    def failed(self, fail_on: Severity) -> bool:
        return any(finding.severity >= fail_on for finding in self.findings)

    @property
    def files_checked(self) -> int:
        return sum(len(r.repository.all_documents()) for r in self.results)


def lint_paths(paths: Iterable[Path]) -> LintResult:
    """Lint every repository the paths name (see `find_repositories`)."""
    result = LintResult()
    for root in find_repositories(paths):
        repository = load_repository(root)
        result.results.append(RepositoryResult(repository, lint_repository(repository)))
    return result


def lint_repository(repository: Repository) -> list[Finding]:
    findings: list[Finding] = []
    for document in repository.all_documents():
        findings.extend(document.findings)
        findings.extend(_shape(document, is_manifest=document is repository.manifest))
    findings.extend(check_chain(repository, build_index(repository)))
    for document in repository.all_documents():
        document.forget_positions()
    return sorted(set(findings), key=Finding.sort_key)


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
