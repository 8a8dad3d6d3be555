"""`styr lint` as a function: repositories in, findings out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from styr.cache import LintCache
from styr.config import LintConfig, load_config
from styr.findings import Finding, Severity
from styr.load import Document
from styr.model.index import FILE_LAYOUTS, Index, build_index
from styr.model.repository import (
    MANIFEST,
    Repository,
    find_repositories,
    load_repository,
    read_repository_files,
)
from styr.parallel import map_in_processes
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


def lint_paths(
    paths: Iterable[Path],
    *,
    today: date | None = None,
    cache: LintCache | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> LintResult:
    """Lint every repository the paths name (see `find_repositories`).

    With a cache, a repository whose files have not changed is not linted
    again; with `jobs` above 1, many repositories are linted in parallel.
    """
    day = today or date.today()
    roots = find_repositories(paths)
    report = progress or (lambda done, total: None)
    results: list[RepositoryResult] = []
    if jobs <= 1 or len(roots) < _PARALLEL_FROM:
        for root in roots:
            results.append(_lint_root(root, day, cache))
            report(len(results), len(roots))
        return LintResult(results)
    # Workers read, hash and lint their repositories themselves, so that the
    # cache look-ups run in parallel too; they send back no file contents.
    arguments = [(root, day, cache) for root in roots]
    for result in map_in_processes(_lint_root, arguments, jobs):
        results.append(result)
        report(len(results), len(roots))
    return LintResult(results)


# Below this many repositories, starting worker processes costs more than it saves.
_PARALLEL_FROM = 8


def _lint_root(root: Path, today: date, cache: LintCache | None) -> RepositoryResult:
    """One repository's result: from the cache when nothing changed, else linted (and cached).

    The result keeps the manifest's data and the files' names, not their
    contents: what the output formats need, and memory stays flat however
    many repositories are linted.
    """
    key = None
    contents = None
    if cache is not None:
        contents = read_repository_files(root)  # read once: for the key and for linting
        key = cache.key(root, contents, today)
        entry = cache.load(key)
        if entry is not None:
            return from_cache_entry(root, entry)
    result = lint_repository(load_repository(root, contents), today=today)
    if cache is not None and key is not None:
        cache.store(key, to_cache_entry(result))
    repository = result.repository
    result.repository = Repository(
        root=repository.root,
        manifest=Document(repository.manifest.file, repository.manifest.data),
        documents=[Document(document.file, None) for document in repository.documents],
    )
    return result


def to_cache_entry(result: RepositoryResult) -> dict[str, object]:
    return {
        "manifest": result.repository.manifest.data,
        "files": [_relative(result.repository, d.file) for d in result.repository.documents],
        "suppressed": result.suppressed,
        "fail_on": result.config.fail_on.label if result.config.fail_on else None,
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.label,
                "file": _relative(result.repository, f.file) if f.file else None,
                "line": f.line,
                "column": f.column,
                "path": list(f.path),
                "params": f.params,
            }
            for f in result.findings
        ],
    }


def from_cache_entry(root: Path, entry: dict[str, Any]) -> RepositoryResult:
    repository = Repository(
        root=root,
        manifest=Document(root / MANIFEST, entry.get("manifest")),
        documents=[Document(root / name, None) for name in entry.get("files", [])],
    )
    findings = [
        Finding(
            f["code"],
            Severity.parse(f["severity"]),
            root / f["file"] if f["file"] is not None else None,
            f["line"],
            f["column"],
            tuple(f["path"]),
            f["params"],
        )
        for f in entry.get("findings", [])
    ]
    fail_on = entry.get("fail_on")
    config = LintConfig(fail_on=Severity.parse(fail_on) if fail_on else None)
    return RepositoryResult(repository, findings, config, int(entry.get("suppressed", 0)))


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
    memo: dict[str, object] = {}
    for rule, check in QUALITY_CHECKS:
        if config.enabled(rule):
            context = RuleContext(repository, index, config.options_of(rule), today, memo)
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
